import '@fontsource-variable/inter';
import '@fontsource-variable/space-grotesk';
import './globals.css';

import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Footer } from '@/components/layout/footer';
import { Header } from '@/components/layout/header';
import { Providers } from '@/components/providers';

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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className="bg-canvas">
      <body className="flex min-h-dvh flex-col text-body text-fg">
        <Providers>
          <Header />
          <main id="main" className="flex flex-1 flex-col">
            {children}
          </main>
          <Footer />
        </Providers>
      </body>
    </html>
  );
}
