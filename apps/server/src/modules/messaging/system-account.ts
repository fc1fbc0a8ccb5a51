import type { UserRow, UsersService } from '../users/index.js';
import { withPrivacyDefaults } from '../users/index.js';

/** The address of the "System" account; `.invalid` can never receive mail, so nobody can sign in as it. */
export const SYSTEM_ACCOUNT_EMAIL = 'system@guftagu.invalid';

/**
 * Finds or creates the "System" account that system messages come from (seed 000 messageType
 * 'system'). Its username is reserved, so no user can take or impersonate it, and it accepts no
 * messages and shows no presence. Created on first use and remembered.
 */
export function systemAccount(
  users: Pick<UsersService, 'createUser' | 'updateAccountProfile'>,
): () => Promise<UserRow> {
  let pending: Promise<UserRow> | undefined;
  const create = async () => {
    const { user } = await users.createUser({
      email: SYSTEM_ACCOUNT_EMAIL,
      isVerified: true,
      username: 'System',
    });
    const privacy = withPrivacyDefaults({ allowMessages: 'nobody', showOnlineStatus: false });
    return (await users.updateAccountProfile(user.id, { displayName: 'System', privacy })) ?? user;
  };
  return () => {
    pending ??= create().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
