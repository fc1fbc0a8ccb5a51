'use client';

import { ChannelScreen } from '@/features/servers/components/channel-screen';

export default function ChannelPage() {
  return <ChannelScreen />;
}
