import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { ServersShell } from '@/features/servers/components/servers-shell';

export const metadata: Metadata = { title: 'Servers' };

export default function ServersLayout({ children }: { children: ReactNode }) {
  return <ServersShell>{children}</ServersShell>;
}
