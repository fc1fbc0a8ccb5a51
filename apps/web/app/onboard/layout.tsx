import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = { title: 'Choose your username' };

export default function OnboardLayout({ children }: { children: ReactNode }) {
  return children;
}
