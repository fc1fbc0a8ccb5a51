'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { XIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';

export interface ModalProps {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Optional element that opens the modal (rendered with asChild). */
  trigger?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  /** "dialog" is centred; "sheet" slides in from the right edge (mobile navigation). */
  variant?: 'dialog' | 'sheet';
  /** Hide the title visually (still announced). */
  hideTitle?: boolean;
  /** Shown in the header row instead of the visible title (e.g. a logo in the mobile sheet). */
  headerContent?: ReactNode;
  className?: string;
}

export function Modal({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  children,
  footer,
  variant = 'dialog',
  hideTitle,
  headerContent,
  className,
}: ModalProps) {
  const sheet = variant === 'sheet';
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger ? <Dialog.Trigger asChild>{trigger}</Dialog.Trigger> : null}
      <Dialog.Portal>
        <Dialog.Overlay
          className={cn(
            'fixed inset-0 z-50 bg-canvas/70 backdrop-blur-sm',
            'data-[state=open]:animate-overlay-in data-[state=closed]:animate-overlay-out',
          )}
        />
        <Dialog.Content
          {...(description ? {} : { 'aria-describedby': undefined })}
          className={cn(
            'fixed z-50 flex flex-col border-line bg-sunken shadow-modal focus:outline-none',
            sheet
              ? 'inset-y-0 right-0 h-dvh w-[min(22rem,88vw)] border-l data-[state=open]:animate-sheet-in data-[state=closed]:animate-sheet-out'
              : 'top-1/2 left-1/2 max-h-[min(90dvh,46rem)] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-3xl border data-[state=open]:animate-scale-in data-[state=closed]:animate-scale-out',
            className,
          )}
        >
          <div className={cn('flex items-start justify-between gap-4', sheet ? 'px-5 pt-5' : 'px-6 pt-6')}>
            {headerContent ? <div className="min-w-0">{headerContent}</div> : null}
            <div className={cn('min-w-0', hideTitle && 'sr-only')}>
              <Dialog.Title className="font-display text-lg font-semibold tracking-tight text-fg">
                {title}
              </Dialog.Title>
              {description ? (
                <Dialog.Description className="mt-1 text-sm text-fg-muted">{description}</Dialog.Description>
              ) : null}
            </div>
            <Dialog.Close
              className="-mt-1 -mr-2 ml-auto inline-flex size-9 shrink-0 items-center justify-center rounded-xl text-fg-muted transition-colors hover:bg-fill hover:text-fg"
              aria-label="Close"
            >
              <XIcon size={18} />
            </Dialog.Close>
          </div>
          <div className={cn('min-h-0 flex-1 overflow-y-auto', sheet ? 'px-5 pt-4 pb-5' : 'px-6 pt-4 pb-6')}>
            {children}
          </div>
          {footer ? (
            <div className="flex items-center justify-end gap-2 border-t border-line px-6 py-4">{footer}</div>
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export const ModalClose = Dialog.Close;
