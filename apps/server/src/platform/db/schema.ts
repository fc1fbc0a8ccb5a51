import { sessions } from '../../modules/auth/auth.schema.js';
import { users } from '../../modules/users/users.schema.js';

/** Every module's tables, for Drizzle's relational queries and drizzle-kit's migration generator. */
export const tables = { users, sessions };
export { sessions, users };
