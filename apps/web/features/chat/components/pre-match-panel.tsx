'use client';

import { ArrowRightIcon, CheckIcon, ShieldIcon } from 'lucide-react';
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Switch } from '@/components/ui/switch';
import type { ChatPreferences } from '@/features/chat/lib/preferences';
import { cn } from '@/lib/utils';
import { InterestSelector } from './interest-selector';

export interface PreMatchPanelProps {
  preferences: ChatPreferences;
  onPreferencesChange: (next: ChatPreferences) => void;
  /** null while the ICE configuration is loading or unknown. */
  relayAvailable: boolean | null;
  canStart: boolean;
  /** Why Start is disabled, if it is (e.g. not connected yet). */
  blockedReason: string | null;
  onStart: () => void;
}

/** The right-hand column before a chat: interests, privacy, the 18+ confirmation and Start. */
export function PreMatchPanel({
  preferences,
  onPreferencesChange,
  relayAvailable,
  canStart,
  blockedReason,
  onStart,
}: PreMatchPanelProps) {
  const adultId = useId();
  const set = (patch: Partial<ChatPreferences>) => onPreferencesChange({ ...preferences, ...patch });
  const startDisabled = !canStart || !preferences.adultConfirmed;

  return (
    <form
      className="card flex flex-col gap-6 rounded-3xl p-5 sm:p-6"
      onSubmit={(event) => {
        event.preventDefault();
        if (!startDisabled) onStart();
      }}
      data-testid="prematch-panel"
    >
      <div>
        <h1 className="font-display text-title font-semibold text-fg">Meet someone new</h1>
        <p className="mt-1.5 text-[15px] text-fg-muted">
          Pick a few interests and we’ll try to pair you with someone who shares them.
        </p>
      </div>

      <InterestSelector value={preferences.interests} onChange={(interests) => set({ interests })} />

      {/* Without a relay the switch could change nothing, so it is not offered. */}
      {relayAvailable === false ? null : (
        <div className="-my-2 border-y border-line">
          <Switch
            checked={preferences.hideIp}
            onCheckedChange={(hideIp) => set({ hideIp })}
            label="Hide my IP address"
            description="Your partner won’t be able to see your IP address or rough location. The call may lag a little."
            data-testid="hide-ip-toggle"
          />
        </div>
      )}

      {/* On a phone the settings scroll under this block, so the 18+ box and Start are always in reach. */}
      <div className="flex flex-col gap-6 max-lg:sticky max-lg:bottom-0 max-lg:z-10 max-lg:-mx-5 max-lg:-mb-5 max-lg:gap-3 max-lg:rounded-b-3xl max-lg:border-t max-lg:border-line max-lg:bg-surface max-lg:px-5 max-lg:pt-3 max-lg:pb-4 sm:max-lg:-mx-6 sm:max-lg:-mb-6 sm:max-lg:px-6">
        <label
          htmlFor={adultId}
          className={cn(
            'flex cursor-pointer items-start gap-3 rounded-2xl border p-3.5 transition-colors duration-200',
            preferences.adultConfirmed
              ? 'border-accent-bright/30 bg-accent/[0.07]'
              : 'border-line bg-fill-subtle hover:border-line-strong',
          )}
        >
          <span className="relative mt-0.5 inline-flex size-5 shrink-0">
            <input
              id={adultId}
              type="checkbox"
              checked={preferences.adultConfirmed}
              onChange={(event) => set({ adultConfirmed: event.target.checked })}
              className="peer size-5 cursor-pointer appearance-none rounded-md border border-line-bold bg-surface checked:border-accent-bright checked:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
              data-testid="adult-confirm"
            />
            <CheckIcon
              size={14}
              className="pointer-events-none absolute inset-0 m-auto text-on-accent opacity-0 peer-checked:opacity-100"
            />
          </span>
          <span className="text-[13px] leading-relaxed text-fg-muted">
            <span className="block text-[14px] font-medium text-fg">I’m 18 or older</span>I understand I’ll be
            video chatting with strangers and agree to the{' '}
            <a href="/terms" className="text-accent-fg underline-offset-2 hover:underline">
              community rules
            </a>
            .
          </span>
        </label>

        <div className="flex flex-col gap-2">
          <Button
            type="submit"
            size="lg"
            disabled={startDisabled}
            className="w-full"
            data-testid="chat-start"
          >
            Start
            <ArrowRightIcon size={18} />
          </Button>
          <p
            className="flex items-center justify-center gap-1.5 text-center text-[12px] text-fg-subtle"
            aria-live="polite"
          >
            {!preferences.adultConfirmed ? (
              'Confirm you’re 18 or older to start.'
            ) : blockedReason ? (
              blockedReason
            ) : (
              <>
                <ShieldIcon size={13} /> Be kind. Press Next any time, report anyone who isn’t.
              </>
            )}
          </p>
        </div>
      </div>
    </form>
  );
}
