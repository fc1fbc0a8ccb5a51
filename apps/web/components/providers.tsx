'use client';

import { LucideProvider } from 'lucide-react';
import dynamic from 'next/dynamic';
import { usePathname } from 'next/navigation';
import { type ReactNode, useEffect, useState, useSyncExternalStore } from 'react';
import { API_BASE_URL } from '@/lib/config';
import { hasSessionHint } from '@/lib/session-hint';
import { LiveCountProvider } from '@/lib/socket/live-count';

/**
 * The app shell (session, socket, query cache, DM session, toasts, the signed-in header) in its own
 * chunk: the root layout's client code is loaded by every page, so anything imported statically here
 * would be paid by the landing's visitors too.
 */
const loadAppShell = () => import('./app-shell');
const AppShell = dynamic(() => loadAppShell().then((m) => m.AppShell));

/** Pages a visitor can read without the app: the landing and the help and legal pages. */
export const MARKETING_PATHS = ['/', '/help', '/privacy', '/terms'];

const noSubscription = () => () => {};

/**
 * Chooses the shell. A visitor (no `guftagu_session` hint cookie) on a marketing page gets the visitor
 * shell: the server-rendered header and footer passed in, and a bare WebSocket for the live count. Every
 * other page, and every page for someone who may be signed in, gets the app shell. Once the app shell
 * has mounted it stays, so moving between /chat and /help keeps the socket and the cache. With the API
 * on another origin the hint is not readable here, so the app shell is always used.
 */
export function Providers({
  sessionHint,
  visitorHeader,
  visitorFooter,
  children,
}: {
  /** Whether the request carried the hint cookie (read by the root layout on the server). */
  sessionHint: boolean;
  visitorHeader: ReactNode;
  visitorFooter: ReactNode;
  children: ReactNode;
}) {
  const pathname = usePathname();
  // The cookie as the server saw it while hydrating, then as the browser has it (it appears on sign-in).
  const hint = useSyncExternalStore(noSubscription, hasSessionHint, () => sessionHint);
  const [appMounted, setAppMounted] = useState(false);
  const app = appMounted || hint || Boolean(API_BASE_URL) || !MARKETING_PATHS.includes(pathname);

  useEffect(() => {
    if (app) setAppMounted(true);
  }, [app]);

  // A visitor about to follow a link into the app (/chat, /login…): fetch the app shell on intent, so
  // the page does not wait for it after the click.
  useEffect(() => {
    if (app) return;
    const onIntent = (event: Event) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin) return;
      if (MARKETING_PATHS.includes(link.pathname)) return;
      void loadAppShell();
    };
    const events = ['pointerover', 'focusin', 'touchstart'] as const;
    for (const name of events) document.addEventListener(name, onIntent, { passive: true });
    return () => {
      for (const name of events) document.removeEventListener(name, onIntent);
    };
  }, [app]);

  // The app's icons were drawn on a 20px, 1.75-stroke grid; lucide's defaults (24px, 2) would look heavier.
  return (
    <LucideProvider size={20} strokeWidth={1.75}>
      {app ? (
        <AppShell>{children}</AppShell>
      ) : (
        <LiveCountProvider>
          {visitorHeader}
          <main id="main" className="flex flex-1 flex-col">
            {children}
          </main>
          {visitorFooter}
        </LiveCountProvider>
      )}
    </LucideProvider>
  );
}
