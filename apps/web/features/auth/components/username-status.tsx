import { CheckIcon, TriangleAlertIcon, XIcon } from 'lucide-react';
import { Spinner } from '@/components/ui/spinner';
import type { Availability } from '@/features/auth/hooks/use-username-availability';
import { cn } from '@/lib/utils';

/** The line under a username field: rules, checking, available, taken. */
export function UsernameStatus({ availability }: { availability: Availability }) {
  const base = 'flex min-h-5 items-center gap-1.5 text-[13px]';
  switch (availability.state) {
    case 'idle':
      return (
        <p data-testid="username-status" data-state="idle" className={cn(base, 'text-fg-subtle')}>
          3–20 letters, numbers or underscores.
        </p>
      );
    case 'current':
      return (
        <p data-testid="username-status" data-state="current" className={cn(base, 'text-fg-subtle')}>
          This is your current username.
        </p>
      );
    case 'invalid':
      return (
        <p data-testid="username-status" data-state="invalid" className={cn(base, 'text-warning-fg')}>
          <TriangleAlertIcon size={14} /> Use 3–20 letters, numbers or underscores (no spaces).
        </p>
      );
    case 'checking':
      return (
        <p data-testid="username-status" data-state="checking" className={cn(base, 'text-fg-subtle')}>
          <Spinner size={13} label={null} /> Checking availability…
        </p>
      );
    case 'available':
      return (
        <p data-testid="username-status" data-state="available" className={cn(base, 'text-live-fg')}>
          <CheckIcon size={14} /> @{availability.username} is available
        </p>
      );
    case 'taken':
      return (
        <p data-testid="username-status" data-state="taken" className={cn(base, 'text-danger-fg')}>
          <XIcon size={14} /> @{availability.username} is already taken
        </p>
      );
    case 'error':
      return (
        <p data-testid="username-status" data-state="error" className={cn(base, 'text-fg-subtle')}>
          <TriangleAlertIcon size={14} /> Couldn&apos;t check right now — you can still try it.
        </p>
      );
  }
}

/** The check or cross shown inside the field. */
export function UsernameSuffix({ availability }: { availability: Availability }) {
  if (availability.state === 'available') return <CheckIcon size={18} className="text-live" />;
  if (availability.state === 'taken') return <XIcon size={18} className="text-danger-bright" />;
  return null;
}
