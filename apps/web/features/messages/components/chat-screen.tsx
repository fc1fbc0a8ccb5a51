'use client';

import { TriangleAlertIcon } from 'lucide-react';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ChatInterface } from './chat-interface';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/messages/[userId]`: the conversation, or a friendly dead end for a malformed link. */
export function ChatScreen() {
  const params = useParams<{ userId: string }>();
  const userId = decodeURIComponent(params.userId ?? '');
  if (!UUID.test(userId)) {
    return (
      <div className="flex h-full items-center justify-center p-6">
        <EmptyState
          tone="warning"
          icon={<TriangleAlertIcon aria-hidden size={22} />}
          title="Conversation not found"
          actions={
            <Link href="/messages" className={buttonClasses({ variant: 'secondary' })}>
              Back to messages
            </Link>
          }
        >
          That link doesn’t point to anyone.
        </EmptyState>
      </div>
    );
  }
  // Keyed by user, so switching conversations starts each one fresh (composer, scroll, menus).
  return <ChatInterface key={userId} userId={userId} />;
}
