import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = { title: 'Friend requests' };

export default function FriendRequestsLayout({ children }: { children: ReactNode }) {
  return children;
}
