'use client';

import { usePathname } from 'next/navigation';
import { useAuth } from '@/features/auth/auth-context';
import { FooterView } from './footer-view';
import { shellKind, showsFooter } from './nav';

/** The app shell's footer: follows the session, and stays off the full-screen /chat. */
export function Footer() {
  const { status, user } = useAuth();
  const pathname = usePathname();
  if (!showsFooter(pathname)) return null;
  return <FooterView kind={shellKind(status, user)} />;
}
