import { sessions } from '../../modules/auth/auth.schema.js';
import { dmCallSlots, dmCalls } from '../../modules/calls/calls.schema.js';
import {
  channelMentions,
  channelMessages,
  channelReactions,
  channelReadStates,
} from '../../modules/channel-messages/channel-messages.schema.js';
import {
  channelOverwrites,
  channels,
  invites,
  memberRoles,
  roles,
  serverBans,
  serverMembers,
  servers,
} from '../../modules/communities/communities.schema.js';
import { matches } from '../../modules/matchmaking/matchmaking.schema.js';
import {
  dmConversations,
  dmHidden,
  dmMessages,
  dmParticipants,
  dmReactions,
} from '../../modules/messaging/messaging.schema.js';
import { notifications } from '../../modules/notifications/notifications.schema.js';
import { reports } from '../../modules/reports/reports.schema.js';
import { blocks, friendRequests, friendships } from '../../modules/social/social.schema.js';
import { attachments } from '../../modules/uploads/uploads.schema.js';
import { usernameHistory, users } from '../../modules/users/users.schema.js';
import { voiceStates } from '../../modules/voice/voice.schema.js';

/** Every module's tables, for Drizzle's relational queries and drizzle-kit's migration generator. */
export const tables = {
  channelMessages,
  channelReactions,
  channelMentions,
  channelReadStates,
  users,
  usernameHistory,
  sessions,
  friendRequests,
  friendships,
  blocks,
  notifications,
  attachments,
  matches,
  reports,
  dmConversations,
  dmParticipants,
  dmMessages,
  dmHidden,
  dmReactions,
  dmCalls,
  dmCallSlots,
  servers,
  serverMembers,
  serverBans,
  roles,
  memberRoles,
  channels,
  channelOverwrites,
  invites,
  voiceStates,
};
export {
  attachments,
  blocks,
  channelMentions,
  channelMessages,
  channelOverwrites,
  channelReactions,
  channelReadStates,
  channels,
  dmCallSlots,
  dmCalls,
  dmConversations,
  dmHidden,
  dmMessages,
  dmParticipants,
  dmReactions,
  friendRequests,
  friendships,
  invites,
  matches,
  memberRoles,
  notifications,
  reports,
  roles,
  serverBans,
  serverMembers,
  servers,
  sessions,
  usernameHistory,
  users,
  voiceStates,
};
