'use client';

import { ArrowRightIcon } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useShellKind } from '@/components/layout/shell-kind-context';
import { type ButtonSize, type ButtonVariant, buttonClasses } from '@/components/ui/button';
import { cn } from '@/lib/utils';

/**
 * The primary call to action: straight into random video chat, signed in or not (anonymous visitors can
 * chat; a signed-in user who still needs a username is sent to onboarding first). It reads the shell
 * kind, not the session, so the visitor landing does not load the session code.
 */
export function StartChattingLink({
  variant = 'primary',
  size = 'lg',
  className,
  children = 'Start chatting',
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  children?: ReactNode;
}) {
  const href = useShellKind() === 'onboarding' ? '/onboard' : '/chat';
  return (
    <Link
      href={href}
      className={cn(buttonClasses({ variant, size }), 'group', className)}
      data-testid="cta-start"
    >
      {children}
      <ArrowRightIcon
        size={18}
        className="transition-transform duration-300 ease-out-expo group-hover:translate-x-0.5"
      />
    </Link>
  );
}
