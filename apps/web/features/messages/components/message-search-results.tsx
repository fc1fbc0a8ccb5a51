'use client';

import Link from 'next/link';
import { Avatar } from '@/components/ui/avatar';
import { Skeleton } from '@/components/ui/skeleton';
import { formatListTime } from '@/features/messages/format';
import { parseSnippet } from '@/features/messages/snippet';
import { messageHref, nameOf } from '@/lib/utils';
import { useMessageSearch } from '../hooks/use-dm-queries';

/** Full-text matches in the person's own messages (seed 004 search), under the conversation matches. */
export function MessageSearchResults({ query, now }: { query: string; now: number }) {
  const search = useMessageSearch(query);
  const results = search.data ?? null;
  const failed = search.isError;

  return (
    <section aria-labelledby="message-results" className="mt-4 px-1" data-testid="message-search-results">
      <h2
        id="message-results"
        className="px-2 pb-2 text-[11px] font-semibold tracking-wide text-fg-subtle uppercase"
      >
        Messages
      </h2>
      {failed ? (
        <p className="px-2 text-[13px] text-fg-subtle">Message search is unavailable right now.</p>
      ) : results === null ? (
        <div className="flex flex-col gap-2 px-2" aria-busy="true">
          <Skeleton className="h-12 w-full rounded-xl" />
          <Skeleton className="h-12 w-full rounded-xl" />
        </div>
      ) : results.length === 0 ? (
        <p className="px-2 text-[13px] text-fg-subtle">No messages contain “{query}”.</p>
      ) : (
        <ul className="flex flex-col gap-0.5">
          {results.map((result) => {
            const name = nameOf(result.otherUser);
            return (
              <li key={result.message.id}>
                <Link
                  href={`${messageHref(result.otherUser.userId)}?m=${encodeURIComponent(result.message.id)}`}
                  className="flex gap-3 rounded-2xl px-3 py-2.5 transition-colors hover:bg-fill-subtle"
                  data-testid="message-search-result"
                >
                  <Avatar name={name} src={result.otherUser.profilePicture} size={36} />
                  <span className="min-w-0 flex-1">
                    <span className="flex items-baseline gap-2">
                      <span className="min-w-0 flex-1 truncate text-[13px] font-semibold text-fg">
                        {name}
                      </span>
                      <span className="shrink-0 text-[11px] text-fg-faint">
                        {formatListTime(result.message.createdAt, now)}
                      </span>
                    </span>
                    <span className="line-clamp-2 text-[13px] leading-snug text-fg-muted">
                      {parseSnippet(result.snippet).map((part, index) =>
                        part.highlighted ? (
                          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reorder.
                          <mark key={index} className="rounded bg-accent/30 px-0.5 text-fg">
                            {part.text}
                          </mark>
                        ) : (
                          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reorder.
                          <span key={index}>{part.text}</span>
                        ),
                      )}
                    </span>
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
