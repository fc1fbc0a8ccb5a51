'use client';

import { ServersHome } from '@/features/servers/components/servers-home';

export default function ServersPage() {
  return <ServersHome />;
}
