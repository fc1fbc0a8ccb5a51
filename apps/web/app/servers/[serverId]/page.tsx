'use client';

import { ServerLanding } from '@/features/servers/components/server-landing';

export default function ServerPage() {
  return <ServerLanding />;
}
