'use client';

import type { TServer } from '@guftagu/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useAuth } from '@/features/auth/auth-context';
import { useLiveCache } from '@/lib/query/query-provider';
import type { SelfInServer } from '../access';
import { type MemberList, type ServerDetail, serversKeys } from '../queries';
import { fetchInvitePreview, useServersApi } from '../servers-api';

/** The signed-in user's id once they can use servers (signed in, username chosen). */
export function useMe(): string | null {
  const { status, user } = useAuth();
  return status === 'authenticated' && user && !user.needsOnboarding ? user.id : null;
}

/** The rail: every server I belong to. */
export function useServerList() {
  const me = useMe();
  const api = useServersApi();
  const live = useLiveCache();
  const key = serversKeys.list();
  return useQuery({
    queryKey: key,
    queryFn: (): Promise<TServer[]> => live.fetch(key, async () => (await api.list()).servers),
    enabled: me !== null,
  });
}

/** One server: the channels I can view, its roles and my standing. */
export function useServerDetail(serverId: string | null) {
  const me = useMe();
  const api = useServersApi();
  const live = useLiveCache();
  const key = serversKeys.detail(serverId ?? '');
  return useQuery({
    queryKey: key,
    queryFn: (): Promise<ServerDetail> =>
      live.fetch(key, async () => {
        const { success: _ok, ...detail } = await api.detail(serverId ?? '');
        return detail;
      }),
    enabled: me !== null && serverId !== null,
  });
}

/** My standing in a server in the shape the permission helpers take. */
export function useSelf(detail: ServerDetail | undefined): SelfInServer | null {
  const me = useMe();
  return useMemo(
    () =>
      detail && me
        ? {
            userId: me,
            isOwner: detail.me.isOwner,
            roleIds: detail.me.roleIds,
            permissions: detail.me.permissions,
          }
        : null,
    [detail, me],
  );
}

export function useMembers(serverId: string | null) {
  const me = useMe();
  const api = useServersApi();
  const live = useLiveCache();
  const key = serversKeys.members(serverId ?? '');
  return useQuery({
    queryKey: key,
    queryFn: (): Promise<MemberList> =>
      live.fetch(key, async () => {
        const { members, roles } = await api.members(serverId ?? '');
        return { members, roles };
      }),
    enabled: me !== null && serverId !== null,
  });
}

export function useInvites(serverId: string, enabled: boolean) {
  const api = useServersApi();
  return useQuery({
    queryKey: serversKeys.invites(serverId),
    queryFn: () => api.invites(serverId),
    enabled,
  });
}

/** The public preview of an invite (signed in or not). */
export function useInvitePreview(code: string) {
  return useQuery({
    queryKey: serversKeys.invite(code),
    queryFn: () => fetchInvitePreview(code),
    staleTime: 10_000,
  });
}
