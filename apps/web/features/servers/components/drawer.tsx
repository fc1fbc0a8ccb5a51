'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { type ReactNode, useRef } from 'react';
import { cn } from '@/lib/utils';

/**
 * A phone-only side panel (servers and channels from the left, members from the right). Radix gives it
 * focus trapping, Escape and the scrim; it slides in with `@starting-style`, so no extra keyframes.
 */
export function Drawer({
  open,
  onOpenChange,
  side,
  title,
  children,
  'data-testid': testId,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  side: 'left' | 'right';
  title: string;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const panel = useRef<HTMLDivElement>(null);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-scrim backdrop-blur-sm data-[state=open]:animate-overlay-in data-[state=closed]:animate-overlay-out" />
        <Dialog.Content
          ref={panel}
          aria-describedby={undefined}
          // Focus the panel itself: focusing its first link would pop that link's tooltip over the list
          // (and the first Escape would only close the tooltip).
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            panel.current?.focus();
          }}
          tabIndex={-1}
          className={cn(
            'fixed inset-y-0 z-50 flex h-dvh max-w-[92vw] flex-col bg-sunken shadow-modal outline-none focus:outline-none',
            'transition-transform duration-300 ease-out-expo data-[state=closed]:animate-overlay-out',
            side === 'left'
              ? 'left-0 border-r border-line starting:-translate-x-full'
              : 'right-0 border-l border-line starting:translate-x-full',
          )}
          data-testid={testId}
        >
          <Dialog.Title className="sr-only">{title}</Dialog.Title>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export const DrawerClose = Dialog.Close;
