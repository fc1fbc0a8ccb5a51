'use client';

import type { TRelationship } from '@guftagu/contracts';
import {
  BanIcon,
  CheckIcon,
  ClockIcon,
  MessageCircleIcon,
  PencilIcon,
  UserMinusIcon,
  UserPlusIcon,
  XIcon,
} from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { Button, type ButtonSize, buttonClasses } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useToast } from '@/components/ui/toast';
import { cn, messageHref, nameOf } from '@/lib/utils';
import { useRelationshipActions } from '../hooks/use-relationship-actions';
import { useSocialApi } from '../social-api';
import { RequestNoteDialog } from './request-note-dialog';

export interface RelationshipTarget {
  /** The user's uuid. */
  id: string;
  userId7Digit: string;
  username: string;
  displayName: string | null;
}

export interface RelationshipActionsProps {
  target: RelationshipTarget;
  relationship: TRelationship;
  requestId: string | null;
  /** Show the "Block" action (profile pages do; compact cards may not). */
  showBlock?: boolean;
  size?: ButtonSize;
  className?: string;
}

/**
 * The buttons that fit where you stand with someone: Add friend (with an optional note), Cancel,
 * Accept/Decline, Message/Unfriend, Unblock, and Block behind a confirmation. Each answer is written
 * into the cache (social-changes.ts), so the profile or card showing `relationship` follows.
 */
export function RelationshipActions({
  target,
  relationship,
  requestId,
  showBlock = true,
  size = 'md',
  className,
}: RelationshipActionsProps) {
  const [noteOpen, setNoteOpen] = useState(false);
  const [confirm, setConfirm] = useState<'unfriend' | 'block' | null>(null);
  const name = nameOf(target);
  const { busy, run, send, block, unfriend } = useRelationshipActions(target);
  const api = useSocialApi();
  const { toast } = useToast();
  const sendAndClose = async (message?: string) => {
    const sent = await send(message);
    if (sent) setNoteOpen(false);
    return sent;
  };

  const iconSize = size === 'sm' ? 14 : 16;
  const buttons = (() => {
    switch (relationship) {
      case 'self':
        return (
          <Link href="/profile/edit" className={buttonClasses({ variant: 'secondary', size })}>
            <PencilIcon size={iconSize} aria-hidden /> Edit profile
          </Link>
        );
      case 'none':
        return (
          <>
            <Button
              size={size}
              loading={busy === 'send' && !noteOpen}
              disabled={busy !== null}
              onClick={() => void sendAndClose()}
              data-testid="send-friend-request"
            >
              <UserPlusIcon size={iconSize} aria-hidden /> Add friend
            </Button>
            <Button
              variant="secondary"
              size={size}
              disabled={busy !== null}
              onClick={() => setNoteOpen(true)}
              data-testid="send-friend-request-note"
            >
              <PencilIcon size={iconSize} aria-hidden /> Add a note
            </Button>
          </>
        );
      case 'request_sent':
        return (
          <>
            <span
              className={cn(buttonClasses({ variant: 'outline', size }), 'pointer-events-none text-fg-muted')}
              data-testid="request-pending"
            >
              <ClockIcon size={iconSize} aria-hidden /> Request sent
            </span>
            {requestId ? (
              <Button
                variant="ghost"
                size={size}
                loading={busy === 'cancel'}
                disabled={busy !== null}
                onClick={() =>
                  run('cancel', async () => {
                    await api.cancelRequest(requestId);
                    toast({ title: 'Request cancelled' });
                  })
                }
                data-testid="cancel-friend-request"
              >
                Cancel request
              </Button>
            ) : null}
          </>
        );
      case 'request_received':
        return requestId ? (
          <>
            <Button
              size={size}
              loading={busy === 'accept'}
              disabled={busy !== null}
              onClick={() =>
                run('accept', async () => {
                  await api.acceptRequest(requestId);
                  toast({ title: `You and ${name} are now friends`, tone: 'success' });
                })
              }
              data-testid="accept-friend-request"
            >
              <CheckIcon size={iconSize} aria-hidden /> Accept request
            </Button>
            <Button
              variant="secondary"
              size={size}
              loading={busy === 'reject'}
              disabled={busy !== null}
              onClick={() =>
                run('reject', async () => {
                  await api.rejectRequest(requestId);
                  toast({ title: 'Request declined' });
                })
              }
              data-testid="reject-friend-request"
            >
              <XIcon size={iconSize} aria-hidden /> Decline
            </Button>
          </>
        ) : null;
      case 'friends':
        return (
          <>
            <Link
              href={messageHref(target.id)}
              prefetch={false}
              className={buttonClasses({ size })}
              data-testid="message-friend"
            >
              <MessageCircleIcon size={iconSize} aria-hidden /> Message
            </Link>
            <Button
              variant="secondary"
              size={size}
              disabled={busy !== null}
              onClick={() => setConfirm('unfriend')}
              data-testid="unfriend"
            >
              <UserMinusIcon size={iconSize} aria-hidden /> Unfriend
            </Button>
          </>
        );
      case 'blocked':
        return (
          <Button
            variant="secondary"
            size={size}
            loading={busy === 'unblock'}
            disabled={busy !== null}
            onClick={() =>
              run('unblock', async () => {
                await api.unblock(target.id);
                toast({ title: `Unblocked @${target.username}` });
              })
            }
            data-testid="unblock"
          >
            Unblock
          </Button>
        );
      case 'blocked_by':
        return null;
    }
  })();

  const canBlock = showBlock && relationship !== 'self' && relationship !== 'blocked';

  return (
    <div className={cn('flex flex-wrap items-center gap-2', className)}>
      {buttons}
      {canBlock ? (
        <Button
          variant="ghost"
          size={size}
          disabled={busy !== null}
          onClick={() => setConfirm('block')}
          className="text-fg-subtle hover:text-danger-fg"
          data-testid="block-user"
        >
          <BanIcon size={iconSize} aria-hidden /> Block
        </Button>
      ) : null}

      <RequestNoteDialog
        open={noteOpen}
        onOpenChange={setNoteOpen}
        name={name}
        sending={busy === 'send'}
        onSend={sendAndClose}
      />

      <ConfirmDialog
        open={confirm === 'unfriend'}
        onOpenChange={(open) => setConfirm(open ? 'unfriend' : null)}
        title={`Remove ${name} from your friends?`}
        description="You won’t be able to message each other until one of you sends a new friend request."
        confirmLabel="Unfriend"
        onConfirm={unfriend}
        data-testid="unfriend-dialog"
      />
      <ConfirmDialog
        open={confirm === 'block'}
        onOpenChange={(open) => setConfirm(open ? 'block' : null)}
        title={`Block @${target.username}?`}
        description="They won’t be able to see your profile, send you friend requests or message you. If you’re friends, this also unfriends them. You can unblock at any time."
        confirmLabel="Block"
        onConfirm={block}
        data-testid="block-dialog"
      />
    </div>
  );
}
