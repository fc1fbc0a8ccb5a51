import { TriangleAlertIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';
import { Button } from './Button';

/** A friendly centred block for "nothing here yet" and "something went wrong" moments. */
export function EmptyState({
  icon,
  title,
  children,
  actions,
  tone = 'brand',
  className,
  'data-testid': testId,
}: {
  icon: ReactNode;
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  tone?: 'brand' | 'warning' | 'danger';
  className?: string;
  'data-testid'?: string;
}) {
  return (
    <div
      className={cn(
        'flex flex-col items-center rounded-3xl border border-dashed border-white/[0.09] bg-white/[0.015] px-6 py-14 text-center',
        className,
      )}
      data-testid={testId}
    >
      <span
        className={cn(
          'inline-flex size-12 items-center justify-center rounded-2xl border',
          tone === 'brand' && 'border-brand-400/20 bg-brand-500/10 text-brand-300',
          tone === 'warning' && 'border-warning-400/20 bg-warning-400/10 text-warning-300',
          tone === 'danger' && 'border-danger-400/20 bg-danger-500/10 text-danger-300',
        )}
      >
        {icon}
      </span>
      <h2 className="mt-5 font-display text-lg font-semibold text-ink-50">{title}</h2>
      {children ? (
        <div className="mt-2 max-w-sm text-[15px] leading-relaxed text-ink-300">{children}</div>
      ) : null}
      {actions ? <div className="mt-6 flex flex-wrap justify-center gap-3">{actions}</div> : null}
    </div>
  );
}

/** The "… didn't load" state: the error message and a retry button. */
export function LoadFailedState({
  title,
  message,
  onRetry,
}: {
  title: ReactNode;
  message: ReactNode;
  onRetry: () => void;
}) {
  return (
    <EmptyState
      tone="warning"
      icon={<TriangleAlertIcon size={22} />}
      title={title}
      actions={<Button onClick={onRetry}>Try again</Button>}
    >
      {message}
    </EmptyState>
  );
}
