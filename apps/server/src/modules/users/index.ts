export { createUsersModule } from './users.module.js';
export type { PublicPerson } from './users.repo.js';
export {
  adjustFriendsCount,
  countMatchStatement,
  findBanStates,
  findPeopleByIds,
  findUserById,
  findUserByPublicId,
  findUserByUsername,
  lockUsers,
  markAllOffline,
  setOnline,
  setStatus,
  touchLastActive,
} from './users.repo.js';
export type { UserRow } from './users.schema.js';
/**
 * The table itself, for queries that read users beside another module's rows (a session's user, a
 * friend list, a notification's actor). Only this module writes it; the architecture test holds that.
 */
export { users, withPrivacyDefaults } from './users.schema.js';
export type { UsersService } from './users.service.js';
export { isBanActive, toSelfUser } from './users.service.js';
