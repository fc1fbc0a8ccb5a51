import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';

export function SectionHeading({
  eyebrow,
  title,
  children,
  align = 'center',
  id,
}: {
  eyebrow: string;
  title: ReactNode;
  children?: ReactNode;
  align?: 'center' | 'left';
  id?: string;
}) {
  return (
    <div className={cn('max-w-2xl', align === 'center' && 'mx-auto text-center')}>
      <p className="text-micro font-semibold tracking-[0.14em] text-accent-fg uppercase">{eyebrow}</p>
      <h2 id={id} className="mt-4 text-display font-semibold text-fg">
        {title}
      </h2>
      {children ? <p className="mt-5 text-[17px] leading-relaxed text-fg-muted">{children}</p> : null}
    </div>
  );
}

export function FeatureIcon({
  children,
  tone = 'brand',
}: {
  children: ReactNode;
  tone?: 'brand' | 'flare' | 'live';
}) {
  return (
    <span
      className={cn(
        'inline-flex size-11 items-center justify-center rounded-2xl border shadow-inset-top',
        tone === 'brand' && 'border-accent-bright/20 bg-accent/10 text-accent-fg',
        tone === 'flare' && 'border-highlight/20 bg-highlight/10 text-highlight-fg',
        tone === 'live' && 'border-live/20 bg-live-strong/10 text-live-fg',
      )}
    >
      {children}
    </span>
  );
}
