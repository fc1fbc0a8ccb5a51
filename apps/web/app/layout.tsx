import '@fontsource-variable/inter';
import '@fontsource-variable/space-grotesk';
import './globals.css';

import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { FooterView } from '@/components/layout/footer-view';
import { VisitorHeader } from '@/components/layout/visitor-header';
import { Providers } from '@/components/providers';
import { SESSION_HINT_COOKIE } from '@/lib/session-hint';

export const metadata: Metadata = {
  title: {
    default: 'Guftagu — Talk to someone new, right now',
    template: '%s · Guftagu',
  },
  description:
    'Random one-on-one video chat with people around the world. Keep the ones you click with as friends, message them any time, and share your permanent 7-digit ID.',
  applicationName: 'Guftagu',
  openGraph: {
    title: 'Guftagu — Talk to someone new, right now',
    description: 'Random video chat with real people, friends and direct messages.',
    siteName: 'Guftagu',
    type: 'website',
  },
};

export const viewport: Viewport = {
  themeColor: '#050509',
  colorScheme: 'dark',
  width: 'device-width',
  initialScale: 1,
};

/**
 * Reads the session hint cookie, so a visitor's landing is served with the light visitor shell and a
 * returning member's with the app shell from the first paint (this makes pages render per request).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const sessionHint = (await cookies()).has(SESSION_HINT_COOKIE);
  return (
    <html lang="en" className="bg-canvas">
      <body className="flex min-h-dvh flex-col text-body text-fg">
        <Providers
          sessionHint={sessionHint}
          visitorHeader={<VisitorHeader />}
          visitorFooter={<FooterView kind="visitor" />}
        >
          {children}
        </Providers>
      </body>
    </html>
  );
}
