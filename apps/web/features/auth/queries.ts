export const authKeys = {
  all: ['auth'] as const,
  /** The server's answer to "is this username free?", per spelling typed. */
  usernameCheck: (username: string) => [...authKeys.all, 'username-check', username] as const,
};
