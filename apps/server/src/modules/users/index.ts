export type { ProfileDeps } from './profile.service.js';
export { ProfileService } from './profile.service.js';
export { registerUserRoutes } from './users.http.js';
export { createUsersModule } from './users.module.js';
export type { PublicPerson } from './users.repo.js';
export {
  countMatchStatement,
  findBanStates,
  findPeopleByIds,
  findUserById,
  findUserByPublicId,
  findUserByUsername,
  markAllOffline,
} from './users.repo.js';
export type { UserRow } from './users.schema.js';
export { withPrivacyDefaults } from './users.schema.js';
export type { UsersService } from './users.service.js';
export { createUsersService, isBanActive, toSelfUser } from './users.service.js';
