'use client';

import { createContext, useContext } from 'react';

export type ServersDialog = 'create' | 'join' | null;
export type SettingsTab = 'overview' | 'roles' | 'channels' | 'invites' | 'members';

/** Tab-local UI state the three panes share: which drawer or dialog is open. */
export interface ServersUi {
  openNav: () => void;
  openMembers: () => void;
  membersShown: boolean;
  toggleMembers: () => void;
  openDialog: (dialog: Exclude<ServersDialog, null>) => void;
  openSettings: (serverId: string, tab?: SettingsTab, channelId?: string) => void;
  openInvite: (serverId: string) => void;
}

export const ServersUiContext = createContext<ServersUi | null>(null);

export function useServersUi(): ServersUi {
  const value = useContext(ServersUiContext);
  if (!value) throw new Error('useServersUi must be used inside <ServersShell>');
  return value;
}
