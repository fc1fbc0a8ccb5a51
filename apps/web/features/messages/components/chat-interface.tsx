'use client';

import type { TAttachment } from '@guftagu/contracts';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/ui/ConfirmDialog';
import { useToast } from '@/components/ui/Toast';
import { useAuth } from '@/features/auth/auth-context';
import { useChatHistory, useMarkReadWhenSeen } from '@/features/messages/hooks/use-chat-history';
import { useChatScroll } from '@/features/messages/hooks/use-chat-scroll';
import { useTypingEmitter } from '@/features/messages/hooks/use-typing-emitter';
import { messagingErrorMessage, useMessagesApi } from '@/features/messages/messages-api';
import { useMessages } from '@/features/messages/messages-context';
import { emptyThread } from '@/features/messages/thread-store';
import { buildTimeline } from '@/features/messages/timeline';
import { uploadAttachments } from '@/features/messages/upload';
import { errorMessage } from '@/lib/api';
import { useNow } from '@/lib/hooks/use-now';
import { useSocialApi } from '@/lib/social-api';
import { nameOf } from '@/lib/utils';
import { ChatHeader } from './chat-header';
import { ChatLog } from './chat-log';
import { ChatErrorState, ChatLoadingState } from './chat-states';
import { type DisplayMessage, fromPending, fromStored } from './display';
import { Lightbox } from './lightbox';
import type { MessageAction } from './message-actions';
import { type ComposerContext, MessageInput } from './message-input';
import { RequestBanner } from './request-banner';

/** `/messages/[userId]`: one conversation, live. */
export function ChatInterface({ userId }: { userId: string }) {
  const router = useRouter();
  const { token } = useAuth();
  const { toast } = useToast();
  const { me, threads, actions, bumpList, dispatch } = useMessages();
  const api = useMessagesApi();
  const social = useSocialApi();
  const now = useNow(20_000);
  const thread = threads[userId] ?? emptyThread(userId);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [context, setContext] = useState<ComposerContext | null>(null);
  const [lightbox, setLightbox] = useState<{ images: TAttachment[]; index: number } | null>(null);
  const [blockOpen, setBlockOpen] = useState(false);

  // Load (or refresh) the newest page whenever this conversation opens.
  const load = useCallback(async () => {
    setLoadError(null);
    try {
      await actions.loadThread(userId);
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, [actions, userId]);
  useEffect(() => {
    void load();
  }, [load]);

  // Tell the server which conversation this tab shows (no notification for it), and stop on leave.
  useEffect(() => {
    actions.setViewing(userId);
    const onVisibility = () => actions.announceViewing();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      actions.setViewing(null);
    };
  }, [actions, userId]);

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

  useMarkReadWhenSeen(thread, userId, scroll.atBottom, actions.markRead);
  const { loadingOlder, loadOlder, jumpTo, highlight } = useChatHistory(
    thread,
    userId,
    scroll,
    actions.loadOlder,
  );

  // Opened from a search result (`?m=<messageId>`): scroll to that message once the history is here.
  const jumped = useRef(false);
  useEffect(() => {
    if (!thread.loaded || jumped.current) return;
    jumped.current = true;
    const target = new URLSearchParams(window.location.search).get('m');
    if (target) void jumpTo(target);
  }, [thread.loaded, jumpTo]);

  const typingEmit = useCallback((active: boolean) => actions.typing(userId, active), [actions, userId]);
  const onTyping = useTypingEmitter(typingEmit);

  const otherName = thread.otherUser ? nameOf(thread.otherUser) : 'them';
  const nameOfUser = useCallback((id: string) => (id === me ? 'You' : otherName), [me, otherName]);

  const onAction = useCallback(
    (message: DisplayMessage, action: MessageAction) => {
      const id = message.id;
      if (!id) return;
      const fail = (title: string) => (error: unknown) =>
        toast({ title, description: messagingErrorMessage(error), tone: 'error' });
      switch (action.type) {
        case 'reply':
          setContext({
            kind: 'reply',
            messageId: id,
            name: message.mine ? 'yourself' : otherName,
            snippet: message.content || 'Attachment',
          });
          return;
        case 'edit':
          setContext({ kind: 'edit', messageId: id, name: 'You', snippet: message.content });
          return;
        case 'copy':
          void navigator.clipboard?.writeText(message.content).then(
            () => toast({ title: 'Copied' }),
            () => {},
          );
          return;
        case 'delete':
          void actions.remove(userId, id, action.scope).catch(fail('Couldn’t delete the message'));
          return;
        case 'react':
          void actions.react(userId, id, action.emoji).catch(fail('Couldn’t react'));
          return;
      }
    },
    [actions, otherName, toast, userId],
  );

  const onSend = (text: string, attachments: TAttachment[]) => {
    const replyTo =
      context?.kind === 'reply'
        ? (thread.messages.find((message) => message.id === context.messageId) ?? null)
        : null;
    actions.send(userId, text, attachments, replyTo);
    setContext(null);
    scroll.scrollToBottom();
  };

  const onEdit = (messageId: string, text: string) => {
    setContext(null);
    void actions.edit(userId, messageId, text).catch((error: unknown) =>
      toast({
        title: 'Couldn’t edit the message',
        description: messagingErrorMessage(error),
        tone: 'error',
      }),
    );
  };

  const upload = useCallback(
    (file: File, onProgress: (fraction: number) => void) => uploadAttachments([file], token, onProgress),
    [token],
  );

  if (!me) return null;
  if (!thread.loaded) {
    return loadError ? <ChatErrorState message={loadError} onRetry={load} /> : <ChatLoadingState />;
  }
  const user = thread.otherUser;
  if (!user) return <ChatErrorState message="This conversation isn’t available." onRetry={load} />;

  const conversation = thread.conversation;
  const requestState = conversation?.requestState ?? 'none';
  const canSend = conversation ? conversation.canSend : true;
  const editText =
    context?.kind === 'edit'
      ? thread.messages.find((message) => message.id === context.messageId)?.content
      : undefined;
  const typing = thread.typingUntil !== null && thread.typingUntil > Date.now();

  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="chat" data-user-id={userId}>
      <ChatHeader
        user={user}
        typing={typing}
        archived={conversation?.archived ?? false}
        now={now}
        onArchive={(archived) =>
          void api
            .setArchived(userId, archived)
            .then(({ conversation }) => {
              dispatch({ type: 'conversation', userId, conversation });
              bumpList();
              toast({ title: archived ? 'Chat archived' : 'Chat moved to inbox' });
            })
            .catch((error: unknown) =>
              toast({ title: 'That didn’t work', description: messagingErrorMessage(error), tone: 'error' }),
            )
        }
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
        onAction={onAction}
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
        onRetry={(nonce) => actions.retry(userId, nonce)}
        onDiscard={(nonce) => actions.discard(userId, nonce)}
        empty={display.length === 0}
      />
      <RequestBanner
        state={requestState}
        name={otherName}
        onAnswer={async (answer) => {
          try {
            await actions.answerRequest(userId, answer);
            bumpList();
            toast({
              title: answer === 'accept' ? 'Request accepted' : 'Request rejected',
              tone: answer === 'accept' ? 'success' : 'default',
            });
            if (answer === 'reject') router.push('/messages?view=requests');
          } catch (error) {
            toast({ title: 'That didn’t work', description: messagingErrorMessage(error), tone: 'error' });
          }
        }}
        onBlock={() => setBlockOpen(true)}
      />
      {requestState === 'incoming' ? null : (
        <MessageInput
          disabled={!canSend}
          placeholder={canSend ? `Message ${otherName}` : 'You can’t message this person'}
          context={context}
          editText={editText}
          onCancelContext={() => setContext(null)}
          onSend={onSend}
          onEdit={onEdit}
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
        onConfirm={async () => {
          try {
            await social.block(userId);
            toast({ title: `${otherName} is blocked` });
            router.push('/messages');
          } catch (error) {
            toast({ title: 'Couldn’t block', description: messagingErrorMessage(error), tone: 'error' });
          }
        }}
        data-testid="block-confirm"
      />
    </div>
  );
}
