'use client';

import * as RadixToast from '@radix-ui/react-toast';
import { CheckIcon, TriangleAlertIcon, XIcon } from 'lucide-react';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { cn } from '@/lib/utils';

export type ToastTone = 'default' | 'success' | 'error';

export interface ToastOptions {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** Milliseconds; defaults to 4500. */
  duration?: number;
}

interface ToastItem extends ToastOptions {
  id: number;
  open: boolean;
}

interface ToastContextValue {
  toast: (options: ToastOptions) => void;
}

const ToastContext = createContext<ToastContextValue>({ toast: () => {} });

let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);

  const toast = useCallback((options: ToastOptions) => {
    const id = nextId++;
    setItems((current) => [...current.slice(-3), { ...options, id, open: true }]);
  }, []);

  const setOpen = useCallback((id: number, open: boolean) => {
    setItems((current) => current.map((item) => (item.id === id ? { ...item, open } : item)));
    if (!open) {
      setTimeout(() => setItems((current) => current.filter((item) => item.id !== id)), 300);
    }
  }, []);

  const value = useMemo(() => ({ toast }), [toast]);

  return (
    <ToastContext.Provider value={value}>
      <RadixToast.Provider swipeDirection="right" label="Notification">
        {children}
        {items.map((item) => (
          <RadixToast.Root
            key={item.id}
            open={item.open}
            onOpenChange={(open) => setOpen(item.id, open)}
            duration={item.duration ?? 4500}
            type={item.tone === 'error' ? 'foreground' : 'background'}
            className={cn(
              'group pointer-events-auto relative flex w-full items-start gap-3 rounded-2xl border bg-raised/95 p-4 pr-10 shadow-float backdrop-blur-xl',
              'data-[state=open]:animate-toast-in data-[state=closed]:animate-toast-out',
              'data-[swipe=move]:translate-x-[var(--radix-toast-swipe-move-x)] data-[swipe=cancel]:translate-x-0 data-[swipe=cancel]:transition-transform data-[swipe=end]:animate-toast-out',
              item.tone === 'error' ? 'border-danger-bright/25' : 'border-line',
            )}
          >
            <span
              className={cn(
                'mt-0.5 inline-flex size-6 shrink-0 items-center justify-center rounded-full',
                item.tone === 'success' && 'bg-live-strong/15 text-live-fg',
                item.tone === 'error' && 'bg-danger/15 text-danger-fg',
                (!item.tone || item.tone === 'default') && 'bg-accent/15 text-accent-fg',
              )}
            >
              {item.tone === 'error' ? <TriangleAlertIcon size={14} /> : <CheckIcon size={14} />}
            </span>
            <div className="min-w-0">
              <RadixToast.Title className="text-sm font-semibold text-fg">{item.title}</RadixToast.Title>
              {item.description ? (
                <RadixToast.Description className="mt-0.5 text-[13px] leading-snug text-fg-muted">
                  {item.description}
                </RadixToast.Description>
              ) : null}
            </div>
            <RadixToast.Close
              aria-label="Dismiss"
              className="absolute top-3 right-3 inline-flex size-7 items-center justify-center rounded-lg text-fg-subtle opacity-70 transition hover:bg-fill hover:text-fg hover:opacity-100"
            >
              <XIcon size={14} />
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport className="fixed right-0 bottom-0 z-[60] flex w-full max-w-sm flex-col gap-2 p-4 outline-none sm:p-6" />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastContextValue {
  return useContext(ToastContext);
}
