import type { TRelationship } from '@guftagu/contracts';
import { defineModule } from '../../app/module.js';
import type { Database } from '../../platform/db/client.js';
import type { ObjectStorage } from '../../platform/storage/storage.js';
import { ProfileService } from './profile.service.js';
import { registerUserRoutes } from './users.http.js';
import type { UserRow } from './users.schema.js';
import { createUsersService } from './users.service.js';

export function createUsersModule(deps: {
  db: Database;
  storage: ObjectStorage;
  /** Lower-cased emails that are admins as soon as they sign in. */
  adminEmails: ReadonlySet<string>;
  /** Social owns relationships; a profile shows the viewer's and tells friends of a change. */
  relationship: (
    viewerId: string,
    targetId: string,
  ) => Promise<{ relationship: TRelationship; requestId: string | null }>;
  onProfileChanged: (user: UserRow) => void;
}) {
  const users = createUsersService(deps.db, deps.adminEmails);
  const profiles = new ProfileService(deps);
  return defineModule({
    name: 'users',
    api: users,
    routes: (app, guard) => registerUserRoutes(app, users, profiles, guard),
  });
}
