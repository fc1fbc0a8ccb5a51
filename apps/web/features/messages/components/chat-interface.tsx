'use client';

import type { TAttachment } from '@guftagu/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useToast } from '@/components/ui/toast';
import { useAuth } from '@/features/auth/auth-context';
import { errorMessage } from '@/lib/api';
import { useNow } from '@/lib/hooks/use-now';
import { nameOf } from '@/lib/utils';
import { useChatCommands } from '../hooks/use-chat-commands';
import { useChatHistory, useMarkReadWhenSeen } from '../hooks/use-chat-history';
import { useChatScroll } from '../hooks/use-chat-scroll';
import { useDmMe, useThread } from '../hooks/use-dm-queries';
import { useTypingEmitter } from '../hooks/use-typing-emitter';
import { useIsTyping } from '../messages-context';
import { buildTimeline } from '../timeline';
import { uploadAttachments } from '../upload';
import { ChatHeader } from './chat-header';
import { ChatLog } from './chat-log';
import { ChatErrorState, ChatLoadingState } from './chat-states';
import { type DisplayMessage, fromPending, fromStored } from './display';
import { Lightbox } from './lightbox';
import { MessageInput } from './message-input';
import { RequestBanner } from './request-banner';

/** `/messages/[userId]`: one conversation, live. */
export function ChatInterface({ userId }: { userId: string }) {
  const { token } = useAuth();
  const { toast } = useToast();
  const me = useDmMe();
  const now = useNow(20_000);
  const { thread, query, loadOlder: loadOlderPage } = useThread(userId);
  const typing = useIsTyping(userId);
  const [lightbox, setLightbox] = useState<{ images: TAttachment[]; index: number } | null>(null);
  const [blockOpen, setBlockOpen] = useState(false);

  const display = useMemo<DisplayMessage[]>(() => {
    if (!me) return [];
    return [
      ...thread.messages.map((message) => fromStored(message, me)),
      ...thread.pending.map((pending) => fromPending(pending, me)),
    ];
  }, [thread.messages, thread.pending, me]);
  const timeline = useMemo(() => buildTimeline(display, now, (message) => message.key), [display, now]);

  const last = display.at(-1) ?? null;
  const scroll = useChatScroll({
    firstKey: display[0]?.key ?? null,
    lastKey: last?.key ?? null,
    lastIsMine: last?.mine ?? false,
    ready: thread.loaded,
  });

  const otherName = thread.otherUser ? nameOf(thread.otherUser) : 'them';
  const commands = useChatCommands(userId, thread, otherName, scroll.scrollToBottom);
  useMarkReadWhenSeen(thread, userId, scroll.atBottom, commands.markRead);
  const { loadingOlder, loadOlder, jumpTo, highlight } = useChatHistory(
    thread,
    userId,
    scroll,
    loadOlderPage,
  );

  // Opened from a search result (`?m=<messageId>`): scroll to that message once the history is here.
  const jumped = useRef(false);
  useEffect(() => {
    if (!thread.loaded || jumped.current) return;
    jumped.current = true;
    const target = new URLSearchParams(window.location.search).get('m');
    if (target) void jumpTo(target);
  }, [thread.loaded, jumpTo]);

  const onTyping = useTypingEmitter(commands.typing);
  const nameOfUser = useCallback((id: string) => (id === me ? 'You' : otherName), [me, otherName]);

  const upload = useCallback(
    (file: File, onProgress: (fraction: number) => void) => uploadAttachments([file], token, onProgress),
    [token],
  );

  const reload = () => void query.refetch();
  if (!me) return null;
  if (!thread.loaded) {
    return query.error ? (
      <ChatErrorState message={errorMessage(query.error)} onRetry={reload} />
    ) : (
      <ChatLoadingState />
    );
  }
  const user = thread.otherUser;
  if (!user) return <ChatErrorState message="This conversation isn’t available." onRetry={reload} />;

  const { context, setContext } = commands;
  const conversation = thread.conversation;
  const requestState = conversation?.requestState ?? 'none';
  const canSend = conversation ? conversation.canSend : true;
  const editText =
    context?.kind === 'edit'
      ? thread.messages.find((message) => message.id === context.messageId)?.content
      : undefined;

  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="chat" data-user-id={userId}>
      <ChatHeader
        user={user}
        typing={typing}
        archived={conversation?.archived ?? false}
        now={now}
        onArchive={commands.onArchive}
        onBlock={() => setBlockOpen(true)}
      />
      <ChatLog
        scroll={scroll}
        timeline={timeline}
        now={now}
        hasOlder={thread.hasOlder}
        loadingOlder={loadingOlder}
        onLoadOlder={loadOlder}
        highlight={highlight}
        otherName={otherName}
        nameOf={nameOfUser}
        typing={typing}
        onAction={commands.onAction}
        onJump={jumpTo}
        onOpenImage={(message, attachment) => {
          const images = message.attachments.filter((item) => item.kind === 'image');
          setLightbox({
            images,
            index: Math.max(
              0,
              images.findIndex((item) => item.id === attachment.id),
            ),
          });
        }}
        onRetry={commands.retry}
        onDiscard={commands.discard}
        empty={display.length === 0}
      />
      <RequestBanner
        state={requestState}
        name={otherName}
        onAnswer={commands.onAnswer}
        onBlock={() => setBlockOpen(true)}
      />
      {requestState === 'incoming' ? null : (
        <MessageInput
          disabled={!canSend}
          placeholder={canSend ? `Message ${otherName}` : 'You can’t message this person'}
          context={context}
          editText={editText}
          onCancelContext={() => setContext(null)}
          onSend={commands.onSend}
          onEdit={commands.onEdit}
          onTyping={onTyping}
          upload={upload}
          onReject={(message) =>
            toast({ title: 'Can’t attach that file', description: message, tone: 'error' })
          }
        />
      )}
      <Lightbox
        images={lightbox?.images ?? []}
        index={lightbox?.index ?? null}
        onIndexChange={(index) => setLightbox((current) => (current ? { ...current, index } : current))}
        onClose={() => setLightbox(null)}
      />
      <ConfirmDialog
        open={blockOpen}
        onOpenChange={setBlockOpen}
        title={`Block ${otherName}?`}
        description="They won’t be able to message you or send friend requests. You can unblock them from your profile settings."
        confirmLabel="Block"
        onConfirm={commands.onBlock}
        data-testid="block-confirm"
      />
    </div>
  );
}
