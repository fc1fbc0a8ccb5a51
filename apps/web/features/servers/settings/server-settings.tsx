'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { HashIcon, InfoIcon, LinkIcon, ShieldIcon, UsersIcon, XIcon } from 'lucide-react';
import { useState } from 'react';
import { Select } from '@/components/ui/select';
import { cn } from '@/lib/utils';
import type { SettingsTab } from '../components/servers-ui';
import { useSelf, useServerDetail } from '../hooks/use-servers';
import { ChannelPermissionsTab } from './channel-permissions-tab';
import { InvitesTab } from './invites-tab';
import { MembersTab } from './members-tab';
import { OverviewTab } from './overview-tab';
import { RolesTab } from './roles-tab';

const TABS: { value: SettingsTab; label: string; icon: typeof InfoIcon }[] = [
  { value: 'overview', label: 'Overview', icon: InfoIcon },
  { value: 'roles', label: 'Roles', icon: ShieldIcon },
  { value: 'channels', label: 'Channels', icon: HashIcon },
  { value: 'invites', label: 'Invites', icon: LinkIcon },
  { value: 'members', label: 'Members', icon: UsersIcon },
];

/**
 * Server settings as a full-screen layer over the server (Discord's), one section at a time. Only the
 * sections my permissions allow are offered; the server checks every change again anyway.
 */
export function ServerSettings({
  serverId,
  initialTab,
  initialChannelId,
  onClose,
}: {
  serverId: string;
  initialTab: SettingsTab;
  initialChannelId?: string;
  onClose: () => void;
}) {
  const { data: detail } = useServerDetail(serverId);
  const self = useSelf(detail);
  const perms = new Set(self?.permissions ?? []);
  const allowed: Record<SettingsTab, boolean> = {
    overview: perms.has('MANAGE_SERVER'),
    roles: perms.has('MANAGE_ROLES'),
    channels: perms.has('MANAGE_CHANNELS') || perms.has('MANAGE_ROLES'),
    invites: perms.has('CREATE_INVITE') || perms.has('MANAGE_SERVER'),
    members: perms.has('MANAGE_ROLES') || perms.has('KICK_MEMBERS'),
  };
  const tabs = TABS.filter((tab) => allowed[tab.value]);
  const [picked, setPicked] = useState<SettingsTab>(initialTab);
  const tab = allowed[picked] ? picked : (tabs[0]?.value ?? null);

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-scrim backdrop-blur-sm data-[state=open]:animate-overlay-in" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed inset-0 z-50 flex flex-col bg-canvas outline-none data-[state=open]:animate-fade-in md:inset-4 md:rounded-3xl md:border md:border-line md:shadow-modal lg:inset-8"
          data-testid="server-settings"
        >
          <div className="flex h-14 shrink-0 items-center gap-3 border-b border-line px-4 md:px-6">
            <Dialog.Title className="min-w-0 flex-1 truncate font-display text-[16px] font-semibold text-fg">
              {detail?.server.name ?? 'Server'} <span className="text-fg-subtle">· Settings</span>
            </Dialog.Title>
            <Dialog.Close
              className="inline-flex size-9 items-center justify-center rounded-xl text-fg-muted transition-colors hover:bg-fill hover:text-fg"
              aria-label="Close settings"
              data-testid="settings-close"
            >
              <XIcon aria-hidden size={18} />
            </Dialog.Close>
          </div>
          <div className="flex min-h-0 flex-1 flex-col md:flex-row">
            <nav
              aria-label="Settings sections"
              className="hidden w-60 shrink-0 border-r border-line p-3 md:block"
            >
              <ul className="flex flex-col gap-0.5">
                {tabs.map(({ value, label, icon: Icon }) => (
                  <li key={value}>
                    <button
                      type="button"
                      onClick={() => setPicked(value)}
                      aria-current={tab === value ? 'page' : undefined}
                      className={cn(
                        'flex h-10 w-full items-center gap-2.5 rounded-lg px-3 text-left text-[14px] transition-colors',
                        tab === value
                          ? 'bg-fill-strong font-medium text-fg'
                          : 'text-fg-muted hover:bg-fill hover:text-fg',
                      )}
                      data-testid={`settings-tab-${value}`}
                    >
                      <Icon aria-hidden size={17} />
                      {label}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="border-b border-line p-3 md:hidden">
              {tab ? (
                <Select
                  label="Section"
                  hideLabel
                  options={tabs.map(({ value, label }) => ({ value, label }))}
                  value={tab}
                  onValueChange={setPicked}
                />
              ) : null}
            </div>
            <div className="min-h-0 flex-1 overflow-y-auto px-4 py-6 md:px-10">
              <div className="mx-auto max-w-3xl">
                {!detail || !self ? null : tab === 'overview' ? (
                  <OverviewTab detail={detail} />
                ) : tab === 'roles' ? (
                  <RolesTab detail={detail} self={self} />
                ) : tab === 'channels' ? (
                  <ChannelPermissionsTab
                    detail={detail}
                    initialChannelId={initialChannelId}
                    canManageChannels={perms.has('MANAGE_CHANNELS')}
                  />
                ) : tab === 'invites' ? (
                  <InvitesTab detail={detail} canRevoke={perms.has('MANAGE_SERVER')} />
                ) : tab === 'members' ? (
                  <MembersTab detail={detail} self={self} />
                ) : (
                  <p className="text-fg-muted">You don’t have permission to change this server’s settings.</p>
                )}
              </div>
            </div>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** A section's title and one-line explanation. */
export function SectionHeading({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="mb-6">
      <h2 className="font-display text-xl font-semibold text-fg">{title}</h2>
      {children ? <p className="mt-1 text-[14px] text-fg-muted">{children}</p> : null}
    </div>
  );
}
