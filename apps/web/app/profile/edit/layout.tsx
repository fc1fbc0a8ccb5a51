import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = { title: 'Edit profile' };

export default function EditProfileLayout({ children }: { children: ReactNode }) {
  return children;
}
