'use client';

import { TriangleAlertIcon } from 'lucide-react';
import Link from 'next/link';
import { useEffect } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="flex flex-1 flex-col items-center justify-center px-4 py-28 text-center" role="alert">
      <span className="inline-flex size-12 items-center justify-center rounded-2xl border border-danger-bright/20 bg-danger/10 text-danger-fg">
        <TriangleAlertIcon size={22} />
      </span>
      <h1 className="mt-5 text-title font-semibold text-fg">Something went wrong</h1>
      <p className="mt-3 max-w-sm text-fg-muted">
        An unexpected error interrupted this page. Trying again usually fixes it.
      </p>
      <div className="mt-8 flex gap-3">
        <Button onClick={reset}>Try again</Button>
        <Link href="/" className={buttonClasses({ variant: 'secondary' })}>
          Back home
        </Link>
      </div>
    </div>
  );
}
