'use client';

import { createContext, useContext } from 'react';
import type { ShellKind } from './nav';

/**
 * Which shell the page is in, for small islands that must not import the session (the landing's call to
 * action). The signed-in shell provides it from `useAuth`; the visitor shell has no session, so the
 * default is "visitor".
 */
export const ShellKindContext = createContext<ShellKind>('visitor');

export function useShellKind(): ShellKind {
  return useContext(ShellKindContext);
}
