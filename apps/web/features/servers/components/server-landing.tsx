'use client';

import { HashIcon } from 'lucide-react';
import { useParams, useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { ChatLoadingState } from '@/features/messages/components/chat-states';
import { firstTextChannel } from '../access';
import { useServerDetail, useServerList } from '../hooks/use-servers';
import { ChannelHeader } from './channel-header';

/** `/servers/[serverId]`: opens the server's first text channel (or says there is none to open). */
export function ServerLanding() {
  const params = useParams<{ serverId: string }>();
  const serverId = decodeURIComponent(params.serverId ?? '');
  const { data: detail, error } = useServerDetail(serverId);
  const { data: servers } = useServerList();
  const router = useRouter();
  const target = detail ? firstTextChannel(detail.channels) : null;
  const gone = (servers !== undefined && !servers.some((server) => server.id === serverId)) || Boolean(error);

  useEffect(() => {
    if (target) router.replace(`/servers/${serverId}/${target.id}`);
    else if (gone) router.replace('/servers');
  }, [target, gone, serverId, router]);

  if (detail && !target) {
    return (
      <>
        <ChannelHeader
          serverId={serverId}
          channel={null}
          title={detail.server.name}
          locked={false}
          canInvite={false}
        />
        <div className="flex flex-1 items-center justify-center p-6">
          <EmptyState icon={<HashIcon aria-hidden size={22} />} title="No text channels yet">
            There’s nothing here you can read yet. Ask an admin for access, or create a channel.
          </EmptyState>
        </div>
      </>
    );
  }
  return <ChatLoadingState />;
}
