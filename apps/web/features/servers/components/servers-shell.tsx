'use client';

import { useParams, usePathname } from 'next/navigation';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { VoiceLayer } from '@/features/voice/components/voice-layer';
import { useChannelSync } from '../hooks/use-channel-sync';
import { ServerSettings } from '../settings/server-settings';
import { ChannelSidebar } from './channel-sidebar';
import { CreateServerDialog } from './create-server-dialog';
import { Drawer } from './drawer';
import { InviteDialog } from './invite-dialog';
import { JoinServerDialog } from './join-server-dialog';
import { MemberList } from './member-list';
import { ServerRail } from './server-rail';
import { type ServersDialog, type ServersUi, ServersUiContext, type SettingsTab } from './servers-ui';

function useRouteIds() {
  const params = useParams<{ serverId?: string; channelId?: string }>();
  const decode = (value: string | undefined) =>
    typeof value === 'string' ? decodeURIComponent(value) : null;
  return { serverId: decode(params.serverId), channelId: decode(params.channelId) };
}

/**
 * The frame of /servers: Discord's panes under the site header (rail, channels, then the page: messages
 * and members). The page itself never scrolls, only the panes do. Phones show the page alone, with the
 * rail and channels in a drawer from the left (members come from the right, opened by the page).
 */
export function ServersShell({ children }: { children: ReactNode }) {
  useEffect(() => {
    const root = document.documentElement;
    const previous = root.style.overflow;
    root.style.overflow = 'hidden';
    return () => {
      root.style.overflow = previous;
    };
  }, []);

  return (
    <div className="fixed inset-x-0 top-[var(--header-height)] bottom-0 z-30 bg-canvas">
      <RequireAuth>{() => <ServersFrame>{children}</ServersFrame>}</RequireAuth>
    </div>
  );
}

function ServersFrame({ children }: { children: ReactNode }) {
  const { serverId, channelId } = useRouteIds();
  useChannelSync(channelId);
  const pathname = usePathname();
  const [navOpen, setNavOpen] = useState(false);
  const [membersShown, setMembersShown] = useState(true);
  const [membersDrawer, setMembersDrawer] = useState(false);
  const [dialog, setDialog] = useState<ServersDialog>(null);
  const [settings, setSettings] = useState<{ serverId: string; tab: SettingsTab; channelId?: string } | null>(
    null,
  );
  const [inviteFor, setInviteFor] = useState<string | null>(null);

  // Navigating (picking a channel or server) closes the phone drawers.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger.
  useEffect(() => {
    setNavOpen(false);
    setMembersDrawer(false);
  }, [pathname]);

  const ui = useMemo<ServersUi>(
    () => ({
      openNav: () => setNavOpen(true),
      openMembers: () => setMembersDrawer(true),
      membersShown,
      toggleMembers: () => setMembersShown((shown) => !shown),
      openDialog: (next) => {
        setNavOpen(false);
        setDialog(next);
      },
      openSettings: (id, tab = 'overview', channel) => {
        setNavOpen(false);
        setSettings({ serverId: id, tab, channelId: channel });
      },
      openInvite: (id) => {
        setNavOpen(false);
        setInviteFor(id);
      },
    }),
    [membersShown],
  );

  const nav = (
    <>
      <ServerRail activeServerId={serverId} />
      {serverId ? <ChannelSidebar serverId={serverId} activeChannelId={channelId} /> : null}
    </>
  );

  return (
    <ServersUiContext.Provider value={ui}>
      <div className="flex h-full" data-testid="servers-shell">
        <div className="hidden h-full shrink-0 lg:flex">{nav}</div>
        <div className="flex h-full min-w-0 flex-1 flex-col">{children}</div>
      </div>
      <VoiceLayer />
      <Drawer
        open={navOpen}
        onOpenChange={setNavOpen}
        side="left"
        title="Servers and channels"
        data-testid="servers-drawer"
      >
        <div className="flex h-full">{nav}</div>
      </Drawer>
      <MembersDrawerSlot open={membersDrawer} onOpenChange={setMembersDrawer} serverId={serverId} />
      <CreateServerDialog
        open={dialog === 'create'}
        onOpenChange={(open) => setDialog(open ? 'create' : null)}
      />
      <JoinServerDialog open={dialog === 'join'} onOpenChange={(open) => setDialog(open ? 'join' : null)} />
      {inviteFor ? (
        <InviteDialog serverId={inviteFor} open onOpenChange={(open) => !open && setInviteFor(null)} />
      ) : null}
      {settings ? (
        <ServerSettings
          serverId={settings.serverId}
          initialTab={settings.tab}
          initialChannelId={settings.channelId}
          onClose={() => setSettings(null)}
        />
      ) : null}
    </ServersUiContext.Provider>
  );
}

function MembersDrawerSlot({
  open,
  onOpenChange,
  serverId,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  serverId: string | null;
}) {
  if (!serverId) return null;
  return (
    <Drawer open={open} onOpenChange={onOpenChange} side="right" title="Members" data-testid="members-drawer">
      <div className="flex h-full w-72 flex-col">
        <MemberList serverId={serverId} />
      </div>
    </Drawer>
  );
}
