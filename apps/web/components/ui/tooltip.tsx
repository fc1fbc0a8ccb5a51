'use client';

import * as RadixTooltip from '@radix-ui/react-tooltip';
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';

export const TooltipProvider = RadixTooltip.Provider;

export interface TooltipProps {
  content: ReactNode;
  children: ReactNode;
  side?: 'top' | 'right' | 'bottom' | 'left';
  className?: string;
  /** Keep open (e.g. while showing "Copied"). */
  open?: boolean;
}

export function Tooltip({ content, children, side = 'top', className, open }: TooltipProps) {
  return (
    <RadixTooltip.Root open={open}>
      <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
      <RadixTooltip.Portal>
        <RadixTooltip.Content
          side={side}
          sideOffset={8}
          collisionPadding={12}
          className={cn(
            'z-50 max-w-64 rounded-lg border border-line bg-overlay/95 px-2.5 py-1.5 text-xs font-medium text-fg shadow-xl backdrop-blur-md',
            'data-[state=delayed-open]:animate-scale-in data-[state=instant-open]:animate-scale-in data-[state=closed]:animate-scale-out',
            className,
          )}
        >
          {content}
          <RadixTooltip.Arrow className="fill-overlay" width={10} height={5} />
        </RadixTooltip.Content>
      </RadixTooltip.Portal>
    </RadixTooltip.Root>
  );
}
