'use client';

import { useParams } from 'next/navigation';
import { type ReactNode, Suspense, useEffect } from 'react';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { cn } from '@/lib/utils';
import { ConversationList } from './conversation-list';

/**
 * The app-like frame of /messages: it fills the viewport under the site header (the page itself never
 * scrolls, only the list and the log do). Wide screens show the list and the chat side by side; phones
 * show the list at /messages and only the chat at /messages/[userId].
 */
export function MessagesShell({ children }: { children: ReactNode }) {
  const params = useParams<{ userId?: string }>();
  const activeUserId = typeof params.userId === 'string' ? decodeURIComponent(params.userId) : null;

  // Only the list and the log scroll: lock the page behind the frame (no rubber-banding footer on phones).
  useEffect(() => {
    const root = document.documentElement;
    const previous = root.style.overflow;
    root.style.overflow = 'hidden';
    return () => {
      root.style.overflow = previous;
    };
  }, []);

  return (
    <div className="fixed inset-x-0 top-[var(--header-height)] bottom-0 z-30 bg-canvas bg-[radial-gradient(50rem_28rem_at_70%_-10rem,color-mix(in_oklab,var(--color-accent)_10%,transparent),transparent_70%)]">
      <RequireAuth>
        {() => (
          <div className="mx-auto flex h-full max-w-7xl lg:border-x lg:border-line">
            <aside
              className={cn(
                'h-full w-full shrink-0 border-line lg:flex lg:w-[22.5rem] lg:flex-col lg:border-r',
                activeUserId ? 'hidden' : 'flex flex-col',
              )}
              aria-label="Conversations"
            >
              <Suspense>
                <ConversationList activeUserId={activeUserId} />
              </Suspense>
            </aside>
            <section
              className={cn('h-full min-w-0 flex-1 flex-col', activeUserId ? 'flex' : 'hidden lg:flex')}
            >
              {children}
            </section>
          </div>
        )}
      </RequireAuth>
    </div>
  );
}
