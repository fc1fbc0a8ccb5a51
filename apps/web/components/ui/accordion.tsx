'use client';

import { ChevronDownIcon } from 'lucide-react';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { cn } from '@/lib/utils';

export interface AccordionItem {
  id: string;
  question: ReactNode;
  answer: ReactNode;
}

/** A disclosure list (one panel open at a time) with animated height and full keyboard support. */
export function Accordion({ items, defaultOpen }: { items: AccordionItem[]; defaultOpen?: string }) {
  const [openId, setOpenId] = useState<string | null>(defaultOpen ?? null);
  const baseId = useId();

  // Deep links (/help#what-is-id) open the matching question.
  useEffect(() => {
    const sync = () => {
      const hash = decodeURIComponent(window.location.hash.slice(1));
      if (hash && items.some((item) => item.id === hash)) setOpenId(hash);
    };
    sync();
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, [items]);

  return (
    <div className="divide-y divide-line overflow-hidden rounded-3xl border border-line bg-surface/60">
      {items.map((item) => {
        const open = openId === item.id;
        const buttonId = `${baseId}-${item.id}-button`;
        const panelId = `${baseId}-${item.id}-panel`;
        return (
          <div key={item.id} id={item.id} className="scroll-mt-28">
            <h3 className="font-sans">
              <button
                type="button"
                id={buttonId}
                aria-expanded={open}
                aria-controls={panelId}
                onClick={() => setOpenId(open ? null : item.id)}
                className="flex w-full items-center justify-between gap-6 px-5 py-5 text-left text-[15px] font-medium text-fg transition-colors hover:bg-fill-subtle sm:px-6"
              >
                <span>{item.question}</span>
                <span
                  className={cn(
                    'inline-flex size-7 shrink-0 items-center justify-center rounded-full border border-line text-fg-muted transition-transform duration-300 ease-out-expo',
                    open && 'rotate-180 border-accent-bright/30 text-accent-fg',
                  )}
                >
                  <ChevronDownIcon size={16} />
                </span>
              </button>
            </h3>
            <section
              id={panelId}
              aria-labelledby={buttonId}
              className={cn(
                'grid transition-[grid-template-rows,opacity] duration-300 ease-out-expo',
                open ? 'grid-rows-[1fr] opacity-100' : 'grid-rows-[0fr] opacity-0',
              )}
              inert={!open}
            >
              <div className="overflow-hidden">
                <div className="px-5 pb-5 text-[15px] leading-relaxed text-fg-muted sm:px-6 [&_a]:text-accent-fg [&_a]:underline-offset-4 hover:[&_a]:underline [&_p+p]:mt-3">
                  {item.answer}
                </div>
              </div>
            </section>
          </div>
        );
      })}
    </div>
  );
}
