'use client';

import { type TRelationship, ZRequestMessage } from '@guftagu/contracts';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { Button, type ButtonSize, buttonClasses } from '@/components/ui/Button';
import { ConfirmDialog } from '@/components/ui/ConfirmDialog';
import {
  BanIcon,
  CheckIcon,
  ClockIcon,
  CloseIcon,
  MessageIcon,
  PencilIcon,
  UserMinusIcon,
  UserPlusIcon,
} from '@/components/ui/Icons';
import { Modal, ModalClose } from '@/components/ui/Modal';
import { CharCounter, Textarea } from '@/components/ui/Textarea';
import { useToast } from '@/components/ui/Toast';
import { isApiError } from '@/lib/api';
import { socialErrorMessage, useSocialApi } from '@/features/friends/social-api';
import { cn, messageHref, nameOf } from '@/lib/utils';

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
  onChange: (relationship: TRelationship, requestId: string | null) => void;
  /** Called when the server says our picture of the relationship is out of date. */
  onStale?: () => void;
  /** Show the "Block" action (profile pages do; compact cards may not). */
  showBlock?: boolean;
  size?: ButtonSize;
  className?: string;
}

const REQUEST_MESSAGE_MAX = 200;

/**
 * The buttons that fit where you stand with someone: Add friend (with an optional note), Cancel,
 * Accept/Decline, Message/Unfriend, Unblock, and Block behind a confirmation.
 */
export function RelationshipActions({
  target,
  relationship,
  requestId,
  onChange,
  onStale,
  showBlock = true,
  size = 'md',
  className,
}: RelationshipActionsProps) {
  const api = useSocialApi();
  const { toast } = useToast();
  const [busy, setBusy] = useState<string | null>(null);
  const [noteOpen, setNoteOpen] = useState(false);
  const [note, setNote] = useState('');
  const [confirm, setConfirm] = useState<'unfriend' | 'block' | null>(null);
  const name = nameOf(target);

  const fail = (error: unknown) => {
    toast({
      title: 'That didn’t work',
      description: socialErrorMessage(error, target.username),
      tone: 'error',
    });
    if (isApiError(error) && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) onStale?.();
  };

  const run = async (key: string, action: () => Promise<void>) => {
    setBusy(key);
    try {
      await action();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const send = (message?: string) =>
    run('send', async () => {
      const { request, autoAccepted } = await api.sendRequest({ userId7Digit: target.userId7Digit }, message);
      if (autoAccepted) {
        onChange('friends', null);
        toast({
          title: `You and ${name} are now friends`,
          description: 'They had already sent you a request.',
          tone: 'success',
        });
      } else {
        onChange('request_sent', request.id);
        toast({
          title: 'Friend request sent',
          description: `We’ll let you know when @${target.username} answers.`,
          tone: 'success',
        });
      }
      setNoteOpen(false);
      setNote('');
    });

  const noteCount = note.trim().length;
  const onSendNote = (event: FormEvent) => {
    event.preventDefault();
    if (!ZRequestMessage.safeParse(note).success) return;
    void send(note);
  };

  const block = async () => {
    try {
      await api.block(target.id);
      onChange('blocked', null);
      toast({
        title: `Blocked @${target.username}`,
        description: 'They can’t find you, message you or send requests.',
      });
    } catch (error) {
      fail(error);
      throw error;
    }
  };

  const unfriend = async () => {
    try {
      await api.unfriend(target.id);
      onChange('none', null);
      toast({ title: `Removed ${name} from your friends` });
    } catch (error) {
      fail(error);
      throw error;
    }
  };

  const iconSize = size === 'sm' ? 14 : 16;
  const buttons = (() => {
    switch (relationship) {
      case 'self':
        return (
          <Link href="/profile/edit" className={buttonClasses({ variant: 'secondary', size })}>
            <PencilIcon size={iconSize} /> Edit profile
          </Link>
        );
      case 'none':
        return (
          <>
            <Button
              size={size}
              loading={busy === 'send' && !noteOpen}
              disabled={busy !== null}
              onClick={() => void send()}
              data-testid="send-friend-request"
            >
              <UserPlusIcon size={iconSize} /> Add friend
            </Button>
            <Button
              variant="secondary"
              size={size}
              disabled={busy !== null}
              onClick={() => setNoteOpen(true)}
              data-testid="send-friend-request-note"
            >
              <PencilIcon size={iconSize} /> Add a note
            </Button>
          </>
        );
      case 'request_sent':
        return (
          <>
            <span
              className={cn(buttonClasses({ variant: 'outline', size }), 'pointer-events-none text-ink-300')}
              data-testid="request-pending"
            >
              <ClockIcon size={iconSize} /> Request sent
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
                    onChange('none', null);
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
                  onChange('friends', null);
                  toast({ title: `You and ${name} are now friends`, tone: 'success' });
                })
              }
              data-testid="accept-friend-request"
            >
              <CheckIcon size={iconSize} /> Accept request
            </Button>
            <Button
              variant="secondary"
              size={size}
              loading={busy === 'reject'}
              disabled={busy !== null}
              onClick={() =>
                run('reject', async () => {
                  await api.rejectRequest(requestId);
                  onChange('none', null);
                  toast({ title: 'Request declined' });
                })
              }
              data-testid="reject-friend-request"
            >
              <CloseIcon size={iconSize} /> Decline
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
              <MessageIcon size={iconSize} /> Message
            </Link>
            <Button
              variant="secondary"
              size={size}
              disabled={busy !== null}
              onClick={() => setConfirm('unfriend')}
              data-testid="unfriend"
            >
              <UserMinusIcon size={iconSize} /> Unfriend
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
                onChange('none', null);
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
          className="text-ink-400 hover:text-danger-300"
          data-testid="block-user"
        >
          <BanIcon size={iconSize} /> Block
        </Button>
      ) : null}

      <Modal
        open={noteOpen}
        onOpenChange={(open) => {
          if (busy !== 'send') setNoteOpen(open);
        }}
        title={`Add ${name} as a friend`}
        description="Say hello or remind them where you met. Optional."
      >
        <form onSubmit={onSendNote} className="flex flex-col gap-5">
          <Textarea
            label="Note"
            placeholder="Hey! We talked about film photography earlier today."
            value={note}
            onChange={(event) => setNote(event.target.value)}
            maxLength={REQUEST_MESSAGE_MAX + 20}
            counter={<CharCounter count={noteCount} max={REQUEST_MESSAGE_MAX} />}
            error={
              noteCount > REQUEST_MESSAGE_MAX ? `Keep it under ${REQUEST_MESSAGE_MAX} characters.` : undefined
            }
            className="min-h-24"
            autoFocus
            data-testid="friend-request-message"
          />
          <div className="flex justify-end gap-2">
            <ModalClose asChild>
              <Button variant="ghost" disabled={busy === 'send'}>
                Cancel
              </Button>
            </ModalClose>
            <Button type="submit" loading={busy === 'send'} disabled={noteCount > REQUEST_MESSAGE_MAX}>
              <UserPlusIcon size={16} /> Send request
            </Button>
          </div>
        </form>
      </Modal>

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
