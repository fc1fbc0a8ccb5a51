'use client';

import { HashIcon, TriangleAlertIcon } from 'lucide-react';
import Link from 'next/link';
import { useParams, useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState, LoadFailedState } from '@/components/ui/empty-state';
import { ChatLoadingState } from '@/features/messages/components/chat-states';
import { VoiceStage } from '@/features/voice/components/voice-stage';
import { errorMessage, isApiError } from '@/lib/api';
import { channelPermissions, firstTextChannel, isPrivateChannel } from '../access';
import { useSelf, useServerDetail, useServerList } from '../hooks/use-servers';
import { ChannelHeader } from './channel-header';
import { ChannelView } from './channel-view';
import { MemberList } from './member-list';
import { PinsButton } from './pins-panel';
import { useServersUi } from './servers-ui';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Centered({ children }: { children: React.ReactNode }) {
  return <div className="flex flex-1 items-center justify-center p-6">{children}</div>;
}

/** A server this tab no longer belongs to (left, kicked, deleted, or a bad link) sends the tab home. */
function useLeaveWhenGone(serverId: string) {
  const { data: servers } = useServerList();
  const router = useRouter();
  const gone = servers !== undefined && !servers.some((server) => server.id === serverId);
  useEffect(() => {
    if (gone) router.replace('/servers');
  }, [gone, router]);
}

/** `/servers/[serverId]/[channelId]`: the channel's header, messages and the member list. */
export function ChannelScreen() {
  const params = useParams<{ serverId: string; channelId: string }>();
  const serverId = decodeURIComponent(params.serverId ?? '');
  const channelId = decodeURIComponent(params.channelId ?? '');
  const valid = UUID.test(serverId) && UUID.test(channelId);
  const { data: detail, error, refetch } = useServerDetail(valid ? serverId : null);
  const self = useSelf(detail);
  const ui = useServersUi();
  useLeaveWhenGone(serverId);

  if (!valid || (error && isApiError(error) && (error.status === 404 || error.status === 403))) {
    return (
      <>
        <ChannelHeader
          serverId={serverId}
          channel={null}
          title="Not found"
          locked={false}
          canInvite={false}
        />
        <Centered>
          <EmptyState
            tone="warning"
            icon={<TriangleAlertIcon aria-hidden size={22} />}
            title="This server isn’t available"
            actions={
              <Link href="/servers" className={buttonClasses({ variant: 'secondary' })}>
                Back to servers
              </Link>
            }
          >
            The link may be wrong, or you’re no longer a member.
          </EmptyState>
        </Centered>
      </>
    );
  }
  if (error && !detail) {
    return (
      <Centered>
        <LoadFailedState
          title="The server didn’t load"
          message={errorMessage(error)}
          onRetry={() => void refetch()}
        />
      </Centered>
    );
  }
  if (!detail || !self) return <ChatLoadingState />;

  const channel = detail.channels.find((item) => item.id === channelId);
  const everyoneId = detail.roles.find((role) => role.isDefault)?.id;
  const canInvite = self.permissions.includes('CREATE_INVITE');
  if (!channel || channel.type === 'category') {
    // Deleted, or hidden from me by a permission change (live): say so and offer a way on.
    const fallback = firstTextChannel(detail.channels);
    return (
      <>
        <ChannelHeader
          serverId={serverId}
          channel={null}
          title={detail.server.name}
          locked={false}
          canInvite={canInvite}
        />
        <Centered>
          <EmptyState
            icon={<HashIcon aria-hidden size={22} />}
            title="This channel isn’t available"
            actions={
              fallback ? (
                <Link
                  href={`/servers/${serverId}/${fallback.id}`}
                  className={buttonClasses({ variant: 'secondary' })}
                >
                  Go to #{fallback.name}
                </Link>
              ) : null
            }
            data-testid="channel-unavailable"
          >
            It was deleted, or you no longer have access to it.
          </EmptyState>
        </Centered>
      </>
    );
  }

  return (
    <>
      <ChannelHeader
        serverId={serverId}
        channel={channel}
        title={channel.name}
        locked={isPrivateChannel(channel, everyoneId)}
        canInvite={canInvite}
        actions={
          channel.type === 'text' || channel.type === 'announcement'
            ? (buttonClass) => (
                <PinsButton
                  serverId={serverId}
                  channelId={channel.id}
                  channelName={channel.name}
                  canManage={channelPermissions(channel, detail.roles, self).has('MANAGE_MESSAGES')}
                  className={buttonClass}
                  viewer={{ me: self.userId, myRoleIds: self.roleIds }}
                />
              )
            : undefined
        }
      />
      <div className="flex min-h-0 flex-1">
        {channel.type === 'voice' ? (
          <VoiceStage
            serverId={serverId}
            channelId={channel.id}
            channelName={channel.name}
            me={self.userId}
            canConnect={channelPermissions(channel, detail.roles, self).has('CONNECT')}
          />
        ) : (
          <ChannelView key={channel.id} detail={detail} self={self} channel={channel} />
        )}
        {ui.membersShown ? (
          <MemberList serverId={serverId} className="hidden w-64 shrink-0 border-l border-line xl:flex" />
        ) : null}
      </div>
    </>
  );
}
