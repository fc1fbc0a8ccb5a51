'use client';

import type { TSelfUser, TSessionResponse } from '@guftagu/contracts';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { z } from 'zod';
import { logoutSession, mayHaveSession, refreshSession } from '@/features/auth/auth-api';
import { ApiError, apiRequest, type RequestOptions } from '@/lib/api';

export type AuthStatus = 'loading' | 'authenticated' | 'unauthenticated';

interface Session {
  token: string;
  user: TSelfUser;
  expiresAt: number;
}

export interface AuthContextValue {
  status: AuthStatus;
  user: TSelfUser | null;
  /** The access token lives in memory only; the refresh token is an httpOnly cookie. */
  token: string | null;
  /** True when the initial auto-login could not reach the server (as opposed to "not signed in"). */
  offline: boolean;
  signIn: (session: TSessionResponse) => void;
  setUser: (user: TSelfUser) => void;
  /** Ask the server for a fresh access token; resolves false when the session is gone. */
  refresh: () => Promise<boolean>;
  logout: () => Promise<void>;
  /** Forget the session locally (e.g. the server revoked it) without calling the API. */
  clearSession: () => void;
  /** An authenticated request that refreshes once and retries when the access token expired. */
  authedRequest: <S extends z.ZodType>(
    path: string,
    schema: S,
    options?: Omit<RequestOptions, 'token'>,
  ) => Promise<z.output<S>>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [offline, setOffline] = useState(false);
  const sessionRef = useRef<Session | null>(null);

  const applySession = useCallback((next: Session | null) => {
    sessionRef.current = next;
    setSession(next);
    setStatus(next ? 'authenticated' : 'unauthenticated');
  }, []);

  const signIn = useCallback(
    (response: TSessionResponse) => {
      setOffline(false);
      applySession({
        token: response.token,
        user: response.user,
        expiresAt: Date.now() + response.expiresIn * 1000,
      });
    },
    [applySession],
  );

  const clearSession = useCallback(() => applySession(null), [applySession]);

  const refresh = useCallback(async (): Promise<boolean> => {
    try {
      signIn(await refreshSession());
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.isUnreachable) {
        // Keep whatever we have: being offline is not the same as being signed out.
        if (!sessionRef.current) {
          setOffline(true);
          applySession(null);
        }
        return false;
      }
      applySession(null);
      return false;
    }
  }, [signIn, applySession]);

  // Auto-login: trade the refresh cookie for an access token once, on load. Without the session hint
  // there is no cookie to trade, and asking would only log an expected 401 on every signed-out visit.
  useEffect(() => {
    if (mayHaveSession()) void refresh();
    else applySession(null);
  }, [refresh, applySession]);

  // Renew the access token shortly before it expires, so requests rarely meet TOKEN_EXPIRED.
  useEffect(() => {
    if (!session) return;
    const delay = Math.max(10_000, session.expiresAt - Date.now() - REFRESH_MARGIN_MS);
    const timer = setTimeout(() => void refresh(), delay);
    return () => clearTimeout(timer);
  }, [session, refresh]);

  const setUser = useCallback(
    (user: TSelfUser) => {
      const current = sessionRef.current;
      if (current) applySession({ ...current, user });
    },
    [applySession],
  );

  const logout = useCallback(async () => {
    const token = sessionRef.current?.token ?? null;
    applySession(null);
    try {
      await logoutSession(token);
    } catch {
      // The local session is gone either way; a failed call only leaves a cookie the server will expire.
    }
  }, [applySession]);

  const authedRequest = useCallback(
    async <S extends z.ZodType>(
      path: string,
      schema: S,
      options: Omit<RequestOptions, 'token'> = {},
    ): Promise<z.output<S>> => {
      try {
        return await apiRequest(path, schema, { ...options, token: sessionRef.current?.token ?? null });
      } catch (error) {
        if (error instanceof ApiError && (error.code === 'TOKEN_EXPIRED' || error.code === 'TOKEN_INVALID')) {
          if (await refresh()) {
            return apiRequest(path, schema, { ...options, token: sessionRef.current?.token ?? null });
          }
        }
        throw error;
      }
    },
    [refresh],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      status,
      user: session?.user ?? null,
      token: session?.token ?? null,
      offline,
      signIn,
      setUser,
      refresh,
      logout,
      clearSession,
      authedRequest,
    }),
    [status, session, offline, signIn, setUser, refresh, logout, clearSession, authedRequest],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** Where a freshly signed-in user should land. */
export function homeFor(user: TSelfUser): '/onboard' | '/profile' {
  return user.needsOnboarding ? '/onboard' : '/profile';
}
