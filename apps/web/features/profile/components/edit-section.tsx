import type { ReactNode } from 'react';
import { Skeleton } from '@/components/ui/skeleton';

/** One titled card of the profile editor. */
export function Section({
  title,
  description,
  children,
  id,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  id: string;
}) {
  return (
    <section className="card rounded-3xl p-5 sm:p-7" aria-labelledby={id}>
      <h2 id={id} className="font-display text-lg font-semibold text-fg">
        {title}
      </h2>
      {description ? <p className="mt-1 text-sm text-fg-subtle">{description}</p> : null}
      <div className="mt-5">{children}</div>
    </section>
  );
}

export function ProfileEditSkeleton() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6 sm:py-14" aria-busy="true">
      <span className="sr-only" role="status">
        Loading your profile
      </span>
      <Skeleton className="h-9 w-56" />
      <Skeleton className="mt-8 h-40 rounded-3xl" />
      <Skeleton className="mt-6 h-96 rounded-3xl" />
    </div>
  );
}
