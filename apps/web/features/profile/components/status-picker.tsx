'use client';

import type { TSelfUser } from '@guftagu/contracts';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { useAuth } from '@/features/auth/auth-context';
import { STATUS_META, StatusDot } from '@/features/friends/components/presence';
import { errorMessage } from '@/lib/api';
import { useSocket } from '@/lib/socket/socket-context';
import { emitWithAck } from '@/lib/socket-emit';
import { cn } from '@/lib/utils';

export type SelfStatus = TSelfUser['status'];

export const SELF_STATUSES: { value: SelfStatus; hint: string }[] = [
  { value: 'online', hint: 'Friends see you’re around' },
  { value: 'away', hint: 'Stepped away for a bit' },
  { value: 'busy', hint: 'Around, but heads-down' },
  { value: 'invisible', hint: 'Appear offline to everyone' },
];

export const CUSTOM_STATUS_MAX = 100;

/** Sets your presence status (and optional custom status) over the socket and mirrors it locally. */
export function useUpdateStatus(): (status: SelfStatus, customStatus: string | null) => Promise<void> {
  const { socket } = useSocket();
  const { user, setUser } = useAuth();
  return useCallback(
    async (status, customStatus) => {
      await emitWithAck(socket, 'update_status', { status, customStatus });
      if (user) setUser({ ...user, status, customStatus });
    },
    [socket, user, setUser],
  );
}

/** Four presence choices plus a custom status line; each change applies at once. */
export function StatusPicker({ user }: { user: TSelfUser }) {
  const updateStatus = useUpdateStatus();
  const { toast } = useToast();
  const [pending, setPending] = useState<string | null>(null);
  const [custom, setCustom] = useState(user.customStatus ?? '');

  useEffect(() => setCustom(user.customStatus ?? ''), [user.customStatus]);

  const apply = async (key: string, status: SelfStatus, customStatus: string | null) => {
    setPending(key);
    try {
      await updateStatus(status, customStatus);
      toast({
        title:
          key === 'custom'
            ? customStatus
              ? 'Custom status set'
              : 'Custom status cleared'
            : `You’re now ${STATUS_META[status].label.toLowerCase()}`,
        tone: 'success',
        duration: 2500,
      });
    } catch (error) {
      toast({ title: 'Couldn’t update your status', description: errorMessage(error), tone: 'error' });
    } finally {
      setPending(null);
    }
  };

  const onCustom = (event: FormEvent) => {
    event.preventDefault();
    const value = custom.trim();
    if (value.length > CUSTOM_STATUS_MAX) return;
    void apply('custom', user.status, value || null);
  };

  const customChanged = custom.trim() !== (user.customStatus ?? '');

  return (
    <div className="flex flex-col gap-5">
      <fieldset>
        <legend className="sr-only">Status</legend>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="status-picker">
          {SELF_STATUSES.map((option) => {
            const selected = user.status === option.value;
            return (
              <label
                key={option.value}
                className={cn(
                  'relative flex cursor-pointer flex-col gap-1 rounded-xl border px-3 py-2.5 transition-colors',
                  'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus',
                  selected
                    ? 'border-accent-bright/40 bg-accent/10'
                    : 'border-line bg-fill-subtle hover:border-line-strong hover:bg-fill',
                )}
              >
                <input
                  type="radio"
                  name="presence-status"
                  value={option.value}
                  checked={selected}
                  disabled={pending !== null}
                  onChange={() => void apply(option.value, option.value, user.customStatus)}
                  className="sr-only"
                  data-testid={`status-${option.value}`}
                />
                <span className="flex items-center gap-2 text-sm font-medium text-fg">
                  <StatusDot status={option.value} size={9} />
                  {STATUS_META[option.value].label}
                </span>
                <span className="text-xs leading-snug text-fg-subtle">{option.hint}</span>
              </label>
            );
          })}
        </div>
      </fieldset>

      <form onSubmit={onCustom} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <Input
          label="Custom status"
          placeholder="e.g. Up for a chat about books"
          value={custom}
          maxLength={CUSTOM_STATUS_MAX}
          onChange={(event) => setCustom(event.target.value)}
          containerClassName="flex-1"
          hint={`Shown to friends next to your name. ${custom.trim().length}/${CUSTOM_STATUS_MAX}`}
          data-testid="custom-status-input"
        />
        <div className="flex gap-2 sm:mb-[1.625rem]">
          <Button
            type="submit"
            variant="secondary"
            size="lg"
            className="h-12"
            loading={pending === 'custom'}
            disabled={!customChanged || pending !== null}
          >
            Set
          </Button>
          {user.customStatus ? (
            <Button
              variant="ghost"
              size="lg"
              className="h-12"
              disabled={pending !== null}
              onClick={() => {
                setCustom('');
                void apply('custom', user.status, null);
              }}
            >
              Clear
            </Button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
