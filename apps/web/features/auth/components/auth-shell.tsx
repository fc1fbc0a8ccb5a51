import Link from 'next/link';
import type { ReactNode } from 'react';
import { LogoMark } from '@/components/layout/logo';

/** The centred card used by /login, /verify and /onboard. */
export function AuthShell({
  title,
  subtitle,
  children,
  footer,
  wide = false,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className="relative isolate flex flex-1 items-start justify-center px-4 pt-12 pb-16 sm:items-center sm:pt-16">
      <div className="bg-grid pointer-events-none absolute inset-0 -z-10 opacity-70" />
      <div className="pointer-events-none absolute top-0 left-1/2 -z-10 h-[28rem] w-[40rem] max-w-full -translate-x-1/2 rounded-full bg-[radial-gradient(closest-side,color-mix(in_srgb,var(--color-accent)_22%,transparent),transparent)] blur-2xl" />
      <div className={wide ? 'w-full max-w-xl animate-fade-up' : 'w-full max-w-[26rem] animate-fade-up'}>
        <div className="card hairline-top rounded-[1.75rem] p-6 sm:p-8">
          <LogoMark size={40} />
          <h1 className="mt-6 text-title font-semibold text-fg">{title}</h1>
          {subtitle ? <p className="mt-2 text-[15px] leading-relaxed text-fg-muted">{subtitle}</p> : null}
          <div className="mt-7">{children}</div>
        </div>
        {footer ?? (
          <p className="mt-6 px-4 text-center text-xs leading-relaxed text-fg-faint">
            By continuing you agree to our{' '}
            <Link href="/terms" className="text-fg-muted underline-offset-4 hover:underline">
              Terms
            </Link>{' '}
            and{' '}
            <Link href="/privacy" className="text-fg-muted underline-offset-4 hover:underline">
              Privacy Policy
            </Link>
            , and confirm you are 18 or older.
          </p>
        )}
      </div>
    </div>
  );
}

export function FormAlert({ children, tone = 'error' }: { children: ReactNode; tone?: 'error' | 'info' }) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={
        tone === 'error'
          ? 'rounded-xl border border-danger-bright/25 bg-danger/[0.08] px-3.5 py-3 text-[13px] leading-relaxed text-danger-fg'
          : 'rounded-xl border border-accent-bright/20 bg-accent/[0.07] px-3.5 py-3 text-[13px] leading-relaxed text-accent-soft'
      }
    >
      {children}
    </div>
  );
}
