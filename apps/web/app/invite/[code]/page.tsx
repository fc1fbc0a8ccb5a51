'use client';

import { InviteScreen } from '@/features/servers/components/invite-screen';

export default function InvitePage() {
  return <InviteScreen />;
}
