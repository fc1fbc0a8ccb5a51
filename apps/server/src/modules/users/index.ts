export { registerUserRoutes } from './users.http.js';
export type { UserRow } from './users.schema.js';
export type { UsersService } from './users.service.js';
export { createUsersService, isBanActive, toSelfUser } from './users.service.js';
