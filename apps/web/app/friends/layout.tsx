import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = { title: 'Friends' };

export default function FriendsLayout({ children }: { children: ReactNode }) {
  return children;
}
