'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useToast } from '@/components/ui/toast';
import type { Thread } from '@/features/messages/thread-store';
import { errorMessage } from '@/lib/api';
import type { useChatScroll } from './use-chat-scroll';

/** How many older pages a click on a reply quote may load while looking for the original. */
const JUMP_PAGES_MAX = 10;
/** How long the jumped-to message stays highlighted. */
const HIGHLIGHT_MS = 1600;

type Scroll = ReturnType<typeof useChatScroll>;

/** Read receipts: whatever is at the bottom of a visible tab has been seen. */
export function useMarkReadWhenSeen(
  thread: Thread,
  userId: string,
  atBottom: boolean,
  markRead: (userId: string) => void,
): void {
  const lastFromThem = [...thread.messages].reverse().find((message) => message.senderId === userId);
  const hasUnread = lastFromThem !== undefined && lastFromThem.readAt === null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: hasUnread is the trigger: a new message from them while at the bottom.
  useEffect(() => {
    if (!thread.loaded || !atBottom) return;
    const mark = () => {
      if (document.visibilityState === 'visible') markRead(userId);
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [thread.loaded, atBottom, hasUnread, markRead, userId]);
}

/** Older pages on scroll up (keeping the view still), and jumping to a quoted message. */
export function useChatHistory(
  thread: Thread,
  userId: string,
  scroll: Scroll,
  loadOlderPage: (userId: string) => Promise<void>,
) {
  const { toast } = useToast();
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [highlight, setHighlight] = useState<string | null>(null);
  const threadRef = useRef(thread);
  threadRef.current = thread;
  const { rememberPosition, scrollRef, unpin } = scroll;

  const loadOlder = useCallback(async () => {
    if (loadingOlder || !thread.hasOlder) return;
    setLoadingOlder(true);
    rememberPosition();
    try {
      await loadOlderPage(userId);
    } catch (error) {
      toast({ title: 'Couldn’t load older messages', description: errorMessage(error), tone: 'error' });
    } finally {
      setLoadingOlder(false);
    }
  }, [loadOlderPage, loadingOlder, rememberPosition, thread.hasOlder, toast, userId]);

  const jumpTo = useCallback(
    async (messageId: string) => {
      for (let page = 0; page <= JUMP_PAGES_MAX; page++) {
        const element = scrollRef.current?.querySelector(`[data-message-id="${CSS.escape(messageId)}"]`);
        if (element) {
          unpin();
          element.scrollIntoView({ block: 'center' });
          setHighlight(messageId);
          setTimeout(() => setHighlight((current) => (current === messageId ? null : current)), HIGHLIGHT_MS);
          return;
        }
        if (!threadRef.current.hasOlder) break;
        rememberPosition();
        await loadOlderPage(userId).catch(() => {});
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      toast({ title: 'That message is no longer available' });
    },
    [loadOlderPage, rememberPosition, scrollRef, toast, unpin, userId],
  );

  return { loadingOlder, loadOlder, jumpTo, highlight };
}
