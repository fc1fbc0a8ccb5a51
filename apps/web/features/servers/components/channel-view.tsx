'use client';

import type { TAttachment, TChannel, TChannelMessage } from '@guftagu/contracts';
import { ArrowDownIcon, CheckCheckIcon } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Spinner } from '@/components/ui/spinner';
import { useToast } from '@/components/ui/toast';
import { useAuth } from '@/features/auth/auth-context';
import { ChatErrorState, ChatLoadingState } from '@/features/messages/components/chat-states';
import type { ComposerContext } from '@/features/messages/components/composer-context-bar';
import { DateSeparator } from '@/features/messages/components/date-separator';
import { Lightbox } from '@/features/messages/components/lightbox';
import { MessageInput } from '@/features/messages/components/message-input';
import { useChatScroll } from '@/features/messages/hooks/use-chat-scroll';
import { useTypingEmitter } from '@/features/messages/hooks/use-typing-emitter';
import { buildTimeline } from '@/features/messages/timeline';
import { uploadAttachments } from '@/features/messages/upload';
import { errorMessage } from '@/lib/api';
import { useNow } from '@/lib/hooks/use-now';
import { nameOf as userName } from '@/lib/utils';
import { channelPermissions, roleColorOf, type SelfInServer } from '../access';
import { composerPlaceholder } from '../composer';
import { useChannelLog, useChannelTyping, useServerUnread } from '../hooks/use-channel';
import { channelErrorMessage, useChannelActions } from '../hooks/use-channel-actions';
import { useMembers } from '../hooks/use-servers';
import type { ServerDetail } from '../queries';
import { ChannelIcon } from './channel-icon';
import { ChannelMessage, type ChannelMessageAction } from './channel-message';
import { type ChannelDisplayMessage, fromPendingMessage, fromStoredMessage } from './display';
import { memberName } from './member-list';
import { MentionComposer } from './mention-composer';
import type { MentionLookup } from './mention-text';
import { TypingLine } from './typing-line';

/** MessageInput has no switch for attachments: without ATTACH_FILES its attach button is hidden. */
const NO_ATTACH = '[&_input[data-testid=attachment-input]+button]:hidden';

/** How many older pages a click on a reply may load while looking for the original. */
const JUMP_PAGES_MAX = 10;
const HIGHLIGHT_MS = 1600;

function useLogDisplay(detail: ServerDetail, self: SelfInServer, channelId: string) {
  const { user } = useAuth();
  const { log, query, loadOlder } = useChannelLog(channelId);
  const { data: memberList } = useMembers(detail.server.id);
  const roles = memberList?.roles ?? detail.roles;
  const byId = useMemo(
    () => new Map((memberList?.members ?? []).map((member) => [member.userId, member])),
    [memberList?.members],
  );
  const display = useMemo<ChannelDisplayMessage[]>(() => {
    const lookup = {
      member: (userId: string) => byId.get(userId),
      colorOf: (member: { roleIds: string[] }) => roleColorOf(member.roleIds, roles),
    };
    const stored = log.messages.map((message) =>
      fromStoredMessage(message, self.userId, self.roleIds, lookup),
    );
    const mine = byId.get(self.userId);
    const meView = {
      id: self.userId,
      name: mine ? memberName(mine) : user ? userName(user) : 'You',
      avatar: user?.profilePicture ?? null,
      color: roleColorOf(self.roleIds, roles),
    };
    const find = (id: string | null) => (id ? log.messages.find((message) => message.id === id) : undefined);
    return [
      ...stored,
      ...log.pending.map((pending) => fromPendingMessage(pending, meView, find(pending.replyToId))),
    ];
  }, [log.messages, log.pending, byId, roles, self, user]);

  const nameOf = useCallback(
    (userId: string) => {
      const member = byId.get(userId);
      if (member) return memberName(member);
      const author = log.messages.find((message) => message.user._id === userId)?.user;
      return author
        ? userName({ displayName: author.displayName ?? null, username: author.username })
        : 'Someone';
    },
    [byId, log.messages],
  );
  const mentions = useMemo<MentionLookup>(
    () => ({
      user: nameOf,
      role: (roleId) => {
        const role = roles.find((item) => item.id === roleId);
        return role ? { name: role.name, color: role.color } : null;
      },
      me: self.userId,
      myRoleIds: self.roleIds,
    }),
    [nameOf, roles, self.userId, self.roleIds],
  );
  return { log, query, loadOlder, display, nameOf, mentions, members: memberList?.members ?? [], roles };
}

/** The message pane of a text or announcement channel: history, typing, composer. */
export function ChannelView({
  detail,
  self,
  channel,
}: {
  detail: ServerDetail;
  self: SelfInServer;
  channel: TChannel;
}) {
  const serverId = detail.server.id;
  const { token } = useAuth();
  const { toast } = useToast();
  const now = useNow(20_000);
  const { log, query, loadOlder, display, nameOf, mentions, members, roles } = useLogDisplay(
    detail,
    self,
    channel.id,
  );
  const typing = useChannelTyping(channel.id);
  const unread = useServerUnread(serverId);
  const actions = useChannelActions(serverId, channel.id);
  const perms = channelPermissions(channel, detail.roles, self);
  const canSend = perms.has('SEND_MESSAGES');
  const canReact = perms.has('ADD_REACTIONS');
  const canManage = perms.has('MANAGE_MESSAGES');
  const canAttach = perms.has('ATTACH_FILES');
  const [context, setContext] = useState<ComposerContext | null>(null);
  const [lightbox, setLightbox] = useState<{ images: TAttachment[]; index: number } | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);

  // This socket looks at this channel (typing and "seen" state); the server grants nothing by it.
  useEffect(() => {
    actions.view(true);
    return () => actions.view(false);
  }, [actions]);

  // Where I had read up to when I opened the channel: the "new messages" divider stays put meanwhile.
  const readState = unread.channels.find((item) => item.channelId === channel.id);
  const [mark, setMark] = useState<{ lastReadId: string | null; count: number } | null>(null);
  useEffect(() => {
    if (mark === null && unread.loaded) {
      setMark({ lastReadId: readState?.lastReadId ?? null, count: readState?.unreadCount ?? 0 });
    }
  }, [mark, unread.loaded, readState]);
  const firstUnreadId = useMemo(() => {
    if (!mark || mark.count === 0) return null;
    return (
      display.find(
        (message) =>
          message.id !== null && !message.mine && (mark.lastReadId === null || message.id > mark.lastReadId),
      )?.id ?? null
    );
  }, [display, mark]);

  const timeline = useMemo(() => buildTimeline(display, now, (message) => message.key), [display, now]);
  const last = display.at(-1) ?? null;
  const scroll = useChatScroll({
    firstKey: display[0]?.key ?? null,
    lastKey: last?.key ?? null,
    lastIsMine: last?.mine ?? false,
    ready: log.loaded,
  });

  // Opening with unread messages further up than one screen starts at the divider, as Discord does.
  const startedAtDivider = useRef(false);
  useEffect(() => {
    if (!log.loaded || !mark || startedAtDivider.current) return;
    startedAtDivider.current = true;
    if (!firstUnreadId) return;
    const element = scroll.scrollRef.current?.querySelector(
      `[data-message-id="${CSS.escape(firstUnreadId)}"]`,
    );
    const root = scroll.scrollRef.current;
    if (element && root && root.scrollHeight > root.clientHeight * 1.5) {
      scroll.unpin();
      element.scrollIntoView({ block: 'center' });
    }
  }, [log.loaded, mark, firstUnreadId, scroll]);

  // Whatever reaches the bottom of a visible tab has been read.
  const lastStoredId = [...log.messages].reverse()[0]?.id ?? null;
  const behind =
    lastStoredId !== null &&
    ((readState?.unreadCount ?? 0) > 0 || (readState?.lastReadId ?? '') < lastStoredId);
  useEffect(() => {
    if (!log.loaded || !scroll.atBottom || !behind || !lastStoredId || !unread.loaded) return;
    const markNow = () => {
      if (document.visibilityState === 'visible') actions.markRead(lastStoredId);
    };
    markNow();
    document.addEventListener('visibilitychange', markNow);
    return () => document.removeEventListener('visibilitychange', markNow);
  }, [log.loaded, scroll.atBottom, behind, lastStoredId, unread.loaded, actions]);

  const onLoadOlder = useCallback(async () => {
    if (loadingOlder || !log.hasOlder) return;
    setLoadingOlder(true);
    scroll.rememberPosition();
    try {
      await loadOlder();
    } catch (error) {
      toast({ title: 'Couldn’t load older messages', description: errorMessage(error), tone: 'error' });
    } finally {
      setLoadingOlder(false);
    }
  }, [loadingOlder, log.hasOlder, scroll, loadOlder, toast]);

  const logRef = useRef(log);
  logRef.current = log;
  const jumpTo = useCallback(
    async (messageId: string) => {
      for (let page = 0; page <= JUMP_PAGES_MAX; page++) {
        const element = scroll.scrollRef.current?.querySelector(
          `[data-message-id="${CSS.escape(messageId)}"]`,
        );
        if (element) {
          scroll.unpin();
          element.scrollIntoView({ block: 'center', behavior: 'smooth' });
          setHighlight(messageId);
          setTimeout(() => setHighlight((current) => (current === messageId ? null : current)), HIGHLIGHT_MS);
          return;
        }
        if (!logRef.current.hasOlder) break;
        scroll.rememberPosition();
        await loadOlder().catch(() => {});
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      toast({ title: 'That message is no longer available' });
    },
    [scroll, loadOlder, toast],
  );

  // Infinite scroll up: a sentinel at the top loads the next older page when it comes into view.
  const sentinel = useRef<HTMLDivElement>(null);
  const loadRef = useRef(onLoadOlder);
  loadRef.current = onLoadOlder;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the sentinel mounts only once the history has loaded.
  useEffect(() => {
    const element = sentinel.current;
    const root = scroll.scrollRef.current;
    if (!element || !root || !log.hasOlder) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void loadRef.current();
      },
      { root, rootMargin: '400px 0px 0px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [log.hasOlder, log.loaded, scroll.scrollRef]);

  const onAction = useCallback(
    (message: ChannelDisplayMessage, action: ChannelMessageAction) => {
      if (!message.id) return;
      const id = message.id;
      const fail = (title: string) => (error: unknown) =>
        toast({ title, description: channelErrorMessage(error), tone: 'error' });
      switch (action.type) {
        case 'reply':
          setContext({
            kind: 'reply',
            messageId: id,
            name: message.authorName,
            snippet: message.content.slice(0, 120),
          });
          break;
        case 'edit':
          setContext({
            kind: 'edit',
            messageId: id,
            name: 'yourself',
            snippet: message.content.slice(0, 120),
          });
          break;
        case 'copy':
          void navigator.clipboard?.writeText(message.content).catch(() => {});
          break;
        case 'delete':
          void actions.remove(id).catch(fail('Couldn’t delete the message'));
          break;
        case 'react':
          void actions.react(id, action.emoji).catch(fail('Couldn’t react'));
          break;
        case 'pin':
          void actions
            .setPinned(id, action.pinned)
            .then(() => toast({ title: action.pinned ? 'Message pinned' : 'Message unpinned' }))
            .catch(fail(action.pinned ? 'Couldn’t pin the message' : 'Couldn’t unpin the message'));
          break;
      }
    },
    [actions, toast],
  );

  const onTyping = useTypingEmitter(actions.typing);
  const upload = useCallback(
    (file: File, onProgress: (fraction: number) => void) =>
      // Pasted or dropped files reach here even with the attach button hidden.
      canAttach
        ? uploadAttachments([file], token, onProgress)
        : { promise: Promise.reject(new Error('You can’t attach files in this channel.')), abort: () => {} },
    [token, canAttach],
  );

  if (!log.loaded) {
    return query.error ? (
      <ChatErrorState message={errorMessage(query.error)} onRetry={() => void query.refetch()} />
    ) : (
      <ChatLoadingState />
    );
  }

  const replyTarget = (id: string | undefined): TChannelMessage | null =>
    (id ? log.messages.find((message) => message.id === id) : undefined) ?? null;
  const editText = context?.kind === 'edit' ? replyTarget(context.messageId)?.content : undefined;
  const showJumpBar = firstUnreadId !== null && mark !== null && !scroll.atBottom;

  return (
    <div
      className="flex min-h-0 min-w-0 flex-1 flex-col"
      data-testid="channel-view"
      data-channel-id={channel.id}
    >
      <div className="relative min-h-0 flex-1">
        {showJumpBar && mark ? (
          <div className="absolute inset-x-3 top-2 z-20 flex animate-fade-in items-center gap-2 rounded-xl border border-accent-bright/30 bg-accent/90 py-1.5 pr-1.5 pl-3.5 text-[13px] font-medium text-on-accent shadow-lift backdrop-blur-md sm:inset-x-6">
            <span className="min-w-0 flex-1 truncate">
              {mark.count} new message{mark.count === 1 ? '' : 's'} since you were last here
            </span>
            <button
              type="button"
              onClick={() => firstUnreadId && void jumpTo(firstUnreadId)}
              className="rounded-lg px-2.5 py-1 font-semibold hover:bg-fill-strong"
              data-testid="jump-to-unread"
            >
              Jump
            </button>
            <button
              type="button"
              onClick={() => {
                setMark({ lastReadId: lastStoredId, count: 0 });
                if (lastStoredId) actions.markRead(lastStoredId);
              }}
              className="inline-flex items-center gap-1 rounded-lg px-2.5 py-1 font-semibold hover:bg-fill-strong"
            >
              <CheckCheckIcon aria-hidden size={15} /> Mark as read
            </button>
          </div>
        ) : null}
        <div
          ref={scroll.scrollRef}
          onScroll={scroll.onScroll}
          className="absolute inset-0 overflow-y-auto overscroll-contain [scrollbar-gutter:stable]"
          data-testid="chat-scroll"
        >
          <div ref={scroll.contentRef} className="flex min-h-full flex-col justify-end pb-3">
            <div ref={sentinel} className="flex min-h-10 items-center justify-center py-3">
              {log.hasOlder ? (
                loadingOlder ? (
                  <Spinner size={18} className="text-fg-subtle" label="Loading older messages" />
                ) : (
                  <button
                    type="button"
                    onClick={() => void onLoadOlder()}
                    className="rounded-full px-3 py-1 text-xs font-medium text-fg-subtle hover:bg-fill hover:text-fg-soft"
                  >
                    Load older messages
                  </button>
                )
              ) : null}
            </div>
            {log.hasOlder ? null : (
              <div className="px-4 pb-4 sm:px-6" data-testid="channel-welcome">
                <span className="inline-flex size-16 items-center justify-center rounded-full bg-fill-strong text-fg">
                  <ChannelIcon type={channel.type} size={34} />
                </span>
                <h2 className="mt-3 font-display text-[1.75rem] leading-tight font-bold text-fg">
                  Welcome to #{channel.name}!
                </h2>
                <p className="mt-1 text-[15px] text-fg-muted">
                  {channel.topic || `This is the start of the #${channel.name} channel.`}
                </p>
              </div>
            )}
            <div
              role="log"
              aria-live="polite"
              aria-relevant="additions"
              aria-label={`Messages in #${channel.name}`}
              data-testid="message-log"
            >
              {timeline.map((item) =>
                item.kind === 'day' ? (
                  <DateSeparator key={item.key} label={item.label} />
                ) : (
                  <div
                    key={item.key}
                    className="[content-visibility:auto] [contain-intrinsic-size:auto_48px]"
                  >
                    {item.message.id !== null && item.message.id === firstUnreadId ? (
                      <div
                        className="relative mx-4 my-2 flex items-center sm:mx-6"
                        data-testid="unread-divider"
                      >
                        <span aria-hidden className="h-px flex-1 bg-danger-bright/70" />
                        <span className="ml-2 rounded-md bg-danger-bright px-1.5 text-[10px] font-bold tracking-wide text-on-accent uppercase">
                          New
                        </span>
                      </div>
                    ) : null}
                    <ChannelMessage
                      message={item.message}
                      now={now}
                      joinsPrevious={item.joinsPrevious && item.message.id !== firstUnreadId}
                      highlighted={item.message.id !== null && item.message.id === highlight}
                      canReact={canReact}
                      canReply={canSend}
                      canDelete={item.message.mine || canManage}
                      canPin={canManage}
                      mentions={mentions}
                      nameOf={nameOf}
                      onAction={onAction}
                      onJump={(id) => void jumpTo(id)}
                      onOpenImage={(message, attachment) => {
                        const images = message.attachments.filter((entry) => entry.kind === 'image');
                        setLightbox({
                          images,
                          index: Math.max(
                            0,
                            images.findIndex((entry) => entry.id === attachment.id),
                          ),
                        });
                      }}
                      onRetry={actions.retry}
                      onDiscard={actions.discard}
                    />
                  </div>
                ),
              )}
            </div>
          </div>
        </div>
        {!scroll.atBottom ? (
          <button
            type="button"
            onClick={() => scroll.scrollToBottom(true)}
            className="absolute bottom-3 left-1/2 inline-flex -translate-x-1/2 animate-scale-in items-center gap-1.5 rounded-full border border-line bg-raised/95 py-2 pr-4 pl-3 text-[13px] font-medium text-fg shadow-lift backdrop-blur-md hover:bg-elevated"
            data-testid="new-messages-pill"
          >
            <ArrowDownIcon aria-hidden size={15} />
            {scroll.unseen > 0
              ? `${scroll.unseen} new message${scroll.unseen === 1 ? '' : 's'}`
              : 'Jump to present'}
          </button>
        ) : null}
      </div>
      <TypingLine
        typing={typing}
        me={self.userId}
        nameOf={(userId, fallback) => (nameOf(userId) === 'Someone' ? fallback : nameOf(userId))}
      />
      <MentionComposer
        className={canAttach ? undefined : NO_ATTACH}
        members={members}
        roles={roles}
        canMentionEveryone={perms.has('MENTION_EVERYONE')}
        me={self.userId}
      >
        <MessageInput
          disabled={!canSend}
          placeholder={composerPlaceholder(channel, canSend, canAttach)}
          context={context}
          editText={editText}
          onCancelContext={() => setContext(null)}
          onSend={(text, attachments) => {
            actions.send(
              text,
              attachments,
              context?.kind === 'reply' ? replyTarget(context.messageId) : null,
            );
            setContext(null);
            scroll.scrollToBottom();
          }}
          onEdit={(messageId, text) => {
            setContext(null);
            void actions.edit(messageId, text).catch((error) =>
              toast({
                title: 'Couldn’t edit the message',
                description: channelErrorMessage(error),
                tone: 'error',
              }),
            );
          }}
          onTyping={onTyping}
          upload={upload}
          onReject={(message) =>
            toast({ title: 'Can’t attach that file', description: message, tone: 'error' })
          }
        />
      </MentionComposer>
      <Lightbox
        images={lightbox?.images ?? []}
        index={lightbox?.index ?? null}
        onIndexChange={(index) => setLightbox((current) => (current ? { ...current, index } : current))}
        onClose={() => setLightbox(null)}
      />
    </div>
  );
}
