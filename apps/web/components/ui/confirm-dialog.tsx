'use client';

import { type ReactNode, useState } from 'react';
import { Button } from './button';
import { Modal, ModalClose } from './modal';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  /** "danger" for destructive actions (unfriend, block, clear all). */
  tone?: 'danger' | 'primary';
  /** May be async; the dialog shows a spinner and closes itself once it resolves. */
  onConfirm: () => unknown;
  'data-testid'?: string;
}

/** A small "are you sure?" dialog with Cancel and a confirm button. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  confirmLabel,
  tone = 'danger',
  onConfirm,
  'data-testid': testId,
}: ConfirmDialogProps) {
  const [pending, setPending] = useState(false);

  const confirm = async () => {
    setPending(true);
    try {
      await onConfirm();
      onOpenChange(false);
    } catch {
      // The caller reports its own failure (usually as a toast); keep the dialog open to retry.
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={open}
      onOpenChange={(next) => {
        if (!pending) onOpenChange(next);
      }}
      title={title}
      description={description}
      footer={
        <>
          <ModalClose asChild>
            <Button variant="ghost" disabled={pending}>
              Cancel
            </Button>
          </ModalClose>
          <Button
            variant={tone === 'danger' ? 'danger' : 'primary'}
            loading={pending}
            onClick={confirm}
            data-testid={testId ? `${testId}-confirm` : undefined}
            autoFocus
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
    </Modal>
  );
}
