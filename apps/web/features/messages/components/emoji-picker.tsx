'use client';

import * as Menu from '@radix-ui/react-dropdown-menu';
import type { ReactNode } from 'react';
import { EMOJI_CATEGORIES } from '@/features/messages/emoji';
import { cn } from '@/lib/utils';

/**
 * A small emoji grid in a Radix menu: focus is trapped and restored, Escape closes, arrow keys move
 * between emoji, and every emoji is a labelled menu item. The set is local (`features/messages/emoji.ts`).
 */
export function EmojiPicker({
  trigger,
  onPick,
  closeOnPick = false,
  align = 'start',
}: {
  trigger: ReactNode;
  onPick: (emoji: string) => void;
  closeOnPick?: boolean;
  align?: 'start' | 'end' | 'center';
}) {
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger asChild>{trigger}</Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          side="top"
          align={align}
          sideOffset={10}
          collisionPadding={12}
          className={cn(
            'z-50 w-[min(20rem,calc(100vw-1.5rem))] origin-[var(--radix-dropdown-menu-content-transform-origin)] rounded-2xl border border-line bg-raised/95 shadow-float backdrop-blur-xl',
            'data-[state=open]:animate-scale-in data-[state=closed]:animate-scale-out',
          )}
          aria-label="Emoji"
          data-testid="emoji-picker"
        >
          <div className="max-h-72 overflow-y-auto overscroll-contain p-2">
            {EMOJI_CATEGORIES.map((category) => (
              <Menu.Group key={category.id} aria-label={category.label}>
                <Menu.Label className="sticky top-0 z-10 bg-raised/95 px-1.5 pt-1.5 pb-1 text-[11px] font-semibold tracking-wide text-fg-subtle uppercase backdrop-blur">
                  {category.label}
                </Menu.Label>
                <div className="grid grid-cols-8 gap-0.5">
                  {category.emoji.map((emoji) => (
                    <Menu.Item
                      key={emoji}
                      aria-label={emoji}
                      onSelect={(event) => {
                        if (!closeOnPick) event.preventDefault();
                        onPick(emoji);
                      }}
                      className="flex aspect-square cursor-pointer items-center justify-center rounded-lg font-emoji text-[22px] leading-none outline-none transition-transform select-none data-[highlighted]:scale-110 data-[highlighted]:bg-fill-strong"
                    >
                      {emoji}
                    </Menu.Item>
                  ))}
                </div>
              </Menu.Group>
            ))}
          </div>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
