import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <div className="flex flex-1 flex-col items-center justify-center px-4 py-28 text-center">
      <p className="font-display text-[7rem] leading-none font-semibold text-fg/[0.06] tabular">404</p>
      <h1 className="-mt-6 text-title font-semibold text-fg">This page wandered off</h1>
      <p className="mt-3 max-w-sm text-fg-muted">The link may be broken, or the page may have moved.</p>
      <div className="mt-8 flex gap-3">
        <Link href="/" className={buttonClasses()}>
          Back home
        </Link>
        <Link href="/help" className={buttonClasses({ variant: 'secondary' })}>
          Help center
        </Link>
      </div>
    </div>
  );
}
