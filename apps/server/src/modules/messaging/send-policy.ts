import { AppError } from '../../platform/errors.js';
import type { UserRow } from '../users/index.js';
import { withPrivacyDefaults } from '../users/index.js';
import type { DmConversationRow } from './messaging.schema.js';

export type RequestState = DmConversationRow['requestState'];

export interface SendDecision {
  requestState: RequestState;
  requestedBy: string | null;
  /** This message opened a new message request (the recipient gets `dm_request_received`). */
  opensRequest: boolean;
  /** This message is the recipient of a request answering it, which accepts the request. */
  acceptsRequest: boolean;
}

const keep = (conversation: DmConversationRow): SendDecision => ({
  requestState: conversation.requestState,
  requestedBy: conversation.requestedBy,
  opensRequest: false,
  acceptsRequest: false,
});

/**
 * Who may message whom (issue 5 "Who may talk to whom"), decided on locked rows. Friends talk
 * directly. A non-friend's message is a request, if the recipient lets everyone message them; the
 * recipient answering a request accepts it. Unfriending keeps the conversation but a former friend's
 * next message is a request again, because the friendship, not the history, was the permission.
 */
export function decideSend(
  sender: UserRow,
  recipient: UserRow,
  conversation: DmConversationRow,
  relation: { isFriend: boolean; block: 'blocked' | 'blocked_by' | null },
): SendDecision {
  if (relation.block === 'blocked')
    throw new AppError('BLOCKED', 'You blocked this user. Unblock them to send messages.');
  if (relation.block === 'blocked_by') throw new AppError('BLOCKED', "You can't message this user.");
  const { requestState, requestedBy } = conversation;
  if (relation.isFriend) {
    // Becoming friends settles any open request between the two. It goes back to `none`, not
    // `accepted`: the friendship is the permission, so after an unfriend the next message is a
    // request again. Only an acceptance the recipient gave explicitly outlives the friendship.
    if (requestState === 'pending' || requestState === 'rejected')
      return {
        requestState: 'none',
        requestedBy: null,
        opensRequest: false,
        acceptsRequest: requestState === 'pending',
      };
    return keep(conversation);
  }
  // The person who was asked may always answer the request they received.
  if (requestState === 'pending' && requestedBy === recipient.id)
    return { requestState: 'accepted', requestedBy, opensRequest: false, acceptsRequest: true };

  const name = recipient.username ?? 'This user';
  const setting = withPrivacyDefaults(recipient.privacy).allowMessages;
  if (setting === 'nobody') throw new AppError('DM_NOT_ALLOWED', `${name} isn't accepting messages.`);
  if (setting === 'friends')
    throw new AppError('DM_NOT_ALLOWED', `${name} only accepts messages from friends.`);
  switch (requestState) {
    case 'accepted':
      return keep(conversation);
    case 'pending':
      return keep(conversation);
    case 'rejected':
      if (requestedBy === sender.id)
        throw new AppError('DM_REQUEST_REJECTED', `${name} declined your message request.`);
      return { requestState: 'pending', requestedBy: sender.id, opensRequest: true, acceptsRequest: false };
    case 'none':
      return { requestState: 'pending', requestedBy: sender.id, opensRequest: true, acceptsRequest: false };
  }
}

/** Whether `viewerId` could send to the other user now, for the conversation list (no locks). */
export function canSendNow(
  viewerId: string,
  other: Pick<UserRow, 'privacy'>,
  conversation: Pick<DmConversationRow, 'requestState' | 'requestedBy'> | null,
  relation: { isFriend: boolean; isBlocked: boolean },
): boolean {
  if (relation.isBlocked) return false;
  if (relation.isFriend) return true;
  if (conversation?.requestState === 'pending' && conversation.requestedBy !== viewerId) return true;
  if (withPrivacyDefaults(other.privacy).allowMessages !== 'everyone') return false;
  return !(conversation?.requestState === 'rejected' && conversation.requestedBy === viewerId);
}
