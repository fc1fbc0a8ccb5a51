import { TriangleAlertIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';
import { Button } from './button';

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
        'flex flex-col items-center rounded-3xl border border-dashed border-line bg-fill-subtle px-6 py-14 text-center',
        className,
      )}
      data-testid={testId}
    >
      <span
        className={cn(
          'inline-flex size-12 items-center justify-center rounded-2xl border',
          tone === 'brand' && 'border-accent-bright/20 bg-accent/10 text-accent-fg',
          tone === 'warning' && 'border-warning/20 bg-warning/10 text-warning-fg',
          tone === 'danger' && 'border-danger-bright/20 bg-danger/10 text-danger-fg',
        )}
      >
        {icon}
      </span>
      <h2 className="mt-5 font-display text-lg font-semibold text-fg">{title}</h2>
      {children ? (
        <div className="mt-2 max-w-sm text-[15px] leading-relaxed text-fg-muted">{children}</div>
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
