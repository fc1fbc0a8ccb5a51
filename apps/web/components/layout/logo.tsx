import Link from 'next/link';
import { LogoMark } from '@/components/ui/Icons';
import { cn } from '@/lib/utils';

export function Logo({ className, compact = false }: { className?: string; compact?: boolean }) {
  return (
    <Link
      href="/"
      className={cn('group inline-flex items-center gap-2.5 rounded-xl', className)}
      aria-label="Guftagu home"
    >
      <LogoMark
        size={30}
        className="transition-transform duration-500 ease-spring group-hover:-rotate-6 group-hover:scale-105"
      />
      <span
        className={cn(
          'font-display text-[19px] font-semibold tracking-[-0.03em] text-ink-50',
          compact && 'max-sm:sr-only',
        )}
      >
        Guftagu
      </span>
    </Link>
  );
}
