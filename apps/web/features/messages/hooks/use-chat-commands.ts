'use client';

import type { TAttachment } from '@guftagu/contracts';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { useToast } from '@/components/ui/toast';
import { useSocialApi } from '@/features/friends/social-api';
import type { ComposerContext } from '../components/composer-context-bar';
import type { DisplayMessage } from '../components/display';
import type { MessageAction } from '../components/message-actions';
import { messagingErrorMessage } from '../messages-api';
import { useMessages } from '../messages-context';
import type { Thread } from '../thread-store';
import { useDmActions } from './use-dm-actions';

/**
 * What the open chat does when the person acts: message menu actions, send/edit with the composer's
 * reply or edit context, archive, answering a request, blocking. Failures become toasts.
 */
export function useChatCommands(userId: string, thread: Thread, otherName: string, onSent: () => void) {
  const router = useRouter();
  const { toast } = useToast();
  const actions = useDmActions();
  const social = useSocialApi();
  const { setViewing, announceViewing } = useMessages();
  const [context, setContext] = useState<ComposerContext | null>(null);

  // Tell the server which conversation this tab shows (no notification for it), and stop on leave.
  useEffect(() => {
    setViewing(userId);
    document.addEventListener('visibilitychange', announceViewing);
    return () => {
      document.removeEventListener('visibilitychange', announceViewing);
      setViewing(null);
    };
  }, [announceViewing, setViewing, userId]);

  const failed = useCallback(
    (title: string) => (error: unknown) =>
      toast({ title, description: messagingErrorMessage(error), tone: 'error' }),
    [toast],
  );

  const onAction = useCallback(
    (message: DisplayMessage, action: MessageAction) => {
      const id = message.id;
      if (!id) return;
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
          void actions.remove(userId, id, action.scope).catch(failed('Couldn’t delete the message'));
          return;
        case 'react':
          void actions.react(userId, id, action.emoji).catch(failed('Couldn’t react'));
          return;
      }
    },
    [actions, failed, otherName, toast, userId],
  );

  const onSend = (text: string, attachments: TAttachment[]) => {
    const replyTo =
      context?.kind === 'reply'
        ? (thread.messages.find((message) => message.id === context.messageId) ?? null)
        : null;
    actions.send(userId, text, attachments, replyTo);
    setContext(null);
    onSent();
  };

  const onEdit = (messageId: string, text: string) => {
    setContext(null);
    void actions.edit(userId, messageId, text).catch(failed('Couldn’t edit the message'));
  };

  const onArchive = (archived: boolean) =>
    void actions
      .setArchived(userId, archived)
      .then(() => toast({ title: archived ? 'Chat archived' : 'Chat moved to inbox' }))
      .catch(failed('That didn’t work'));

  const onAnswer = async (answer: 'accept' | 'reject') => {
    try {
      await actions.answerRequest(userId, answer);
      toast({
        title: answer === 'accept' ? 'Request accepted' : 'Request rejected',
        tone: answer === 'accept' ? 'success' : 'default',
      });
      if (answer === 'reject') router.push('/messages?view=requests');
    } catch (error) {
      failed('That didn’t work')(error);
    }
  };

  const onBlock = async () => {
    try {
      await social.block(userId);
      toast({ title: `${otherName} is blocked` });
      router.push('/messages');
    } catch (error) {
      failed('Couldn’t block')(error);
    }
  };

  const typing = useCallback((active: boolean) => actions.typing(userId, active), [actions, userId]);
  const retry = (nonce: string) => actions.retry(userId, nonce);
  const discard = (nonce: string) => actions.discard(userId, nonce);

  return {
    context,
    setContext,
    onAction,
    onSend,
    onEdit,
    onArchive,
    onAnswer,
    onBlock,
    typing,
    retry,
    discard,
    markRead: actions.markRead,
  };
}
