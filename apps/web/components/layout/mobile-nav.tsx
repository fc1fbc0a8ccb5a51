'use client';

import { MenuIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { ShellKind } from './nav';

// The sheet (Radix dialog, the account block) loads on the first tap: most visitors never open it.
const loadSheet = () => import('./mobile-nav-sheet');
const loadMemberSheet = () => import('./mobile-nav-member');
const MobileNavSheet = dynamic(() => loadSheet().then((m) => m.MobileNavSheet), { ssr: false });
const MemberMobileNavSheet = dynamic(() => loadMemberSheet().then((m) => m.MemberMobileNavSheet), {
  ssr: false,
});

export interface SheetProps {
  kind: ShellKind;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** The phone menu's button; the sheet behind it is fetched when first wanted. */
export function MobileNav({ kind }: { kind: ShellKind }) {
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const member = kind === 'app';

  // Close the sheet after navigating.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not a value we read.
  useEffect(() => setOpen(false), [pathname]);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    // The sheet is not opened by a Radix trigger, so give focus back to the button ourselves.
    if (!next) setTimeout(() => trigger.current?.focus({ preventScroll: true }), 0);
  };
  const preload = () => void (member ? loadMemberSheet() : loadSheet());

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className="inline-flex size-10 items-center justify-center rounded-xl text-fg-soft transition-colors hover:bg-fill hover:text-fg md:hidden"
        aria-label="Open menu"
        aria-haspopup="dialog"
        aria-expanded={open}
        data-testid="mobile-menu-button"
        onPointerDown={preload}
        onFocus={preload}
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
      >
        <MenuIcon size={22} />
      </button>
      {wanted ? (
        member ? (
          <MemberMobileNavSheet kind={kind} open={open} onOpenChange={onOpenChange} />
        ) : (
          <MobileNavSheet kind={kind} open={open} onOpenChange={onOpenChange} />
        )
      ) : null}
    </>
  );
}
