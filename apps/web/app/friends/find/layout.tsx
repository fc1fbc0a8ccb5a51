import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = { title: 'Find people' };

export default function FindPeopleLayout({ children }: { children: ReactNode }) {
  return children;
}
