'use client';

import { Fragment, useMemo } from 'react';
import { cn } from '@/lib/utils';
import { splitMentions } from '../mentions';

export interface MentionLookup {
  user: (userId: string) => string;
  role: (roleId: string) => { name: string; color: string | null } | null;
  me: string;
  myRoleIds: readonly string[];
}

const pill = 'rounded-md px-0.5 font-medium transition-colors';

/** Message text with `<@id>`, `<@&id>` and @everyone/@here drawn as highlighted names. */
export function MentionText({
  content,
  lookup,
  everyone,
}: {
  content: string;
  lookup: MentionLookup | undefined;
  /** Whether the server counted @everyone/@here (the sender may mention everyone). */
  everyone: boolean;
}) {
  const segments = useMemo(() => splitMentions(content), [content]);
  if (!lookup || segments.every((segment) => segment.type === 'text')) return <>{content}</>;
  return (
    <>
      {segments.map((segment, index) => {
        const key = `${index}-${segment.type}`;
        switch (segment.type) {
          case 'text':
            return <Fragment key={key}>{segment.text}</Fragment>;
          case 'user':
            return (
              <span
                key={key}
                className={cn(
                  pill,
                  segment.id === lookup.me
                    ? 'bg-warning/20 text-warning-fg'
                    : 'bg-accent/15 text-accent-fg hover:bg-accent/25',
                )}
                data-testid="mention"
                data-mention-user={segment.id}
              >
                @{lookup.user(segment.id)}
              </span>
            );
          case 'role': {
            const role = lookup.role(segment.id);
            if (!role) return <Fragment key={key}>@deleted-role</Fragment>;
            return (
              <span
                key={key}
                className={cn(
                  pill,
                  lookup.myRoleIds.includes(segment.id) ? 'bg-warning/20' : 'bg-fill-strong',
                )}
                style={role.color ? { color: role.color } : undefined}
                data-testid="mention"
                data-mention-role={segment.id}
              >
                @{role.name}
              </span>
            );
          }
          default:
            return everyone ? (
              <span key={key} className={cn(pill, 'bg-warning/20 text-warning-fg')} data-testid="mention">
                {segment.text}
              </span>
            ) : (
              <Fragment key={key}>{segment.text}</Fragment>
            );
        }
      })}
    </>
  );
}
