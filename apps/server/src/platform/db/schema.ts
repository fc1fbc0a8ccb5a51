import { sessions } from '../../modules/auth/auth.schema.js';
import { matches } from '../../modules/matchmaking/matchmaking.schema.js';
import { notifications } from '../../modules/notifications/notifications.schema.js';
import { reports } from '../../modules/reports/reports.schema.js';
import { blocks, friendRequests, friendships } from '../../modules/social/social.schema.js';
import { attachments } from '../../modules/uploads/uploads.schema.js';
import { usernameHistory, users } from '../../modules/users/users.schema.js';

/** Every module's tables, for Drizzle's relational queries and drizzle-kit's migration generator. */
export const tables = {
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
};
export {
  attachments,
  blocks,
  friendRequests,
  friendships,
  matches,
  notifications,
  reports,
  sessions,
  usernameHistory,
  users,
};
