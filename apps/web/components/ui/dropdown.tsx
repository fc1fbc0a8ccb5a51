'use client';

import * as Menu from '@radix-ui/react-dropdown-menu';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { cn } from '@/lib/utils';

export const Dropdown = Menu.Root;
export const DropdownTrigger = Menu.Trigger;
export const DropdownGroup = Menu.Group;

export function DropdownContent({
  className,
  children,
  align = 'end',
  ...props
}: ComponentPropsWithoutRef<typeof Menu.Content>) {
  return (
    <Menu.Portal>
      <Menu.Content
        align={align}
        sideOffset={10}
        collisionPadding={12}
        className={cn(
          'z-50 min-w-60 origin-[var(--radix-dropdown-menu-content-transform-origin)] rounded-2xl border border-line bg-raised/95 p-1.5 shadow-float backdrop-blur-xl',
          'data-[state=open]:animate-scale-in data-[state=closed]:animate-scale-out',
          className,
        )}
        {...props}
      >
        {children}
      </Menu.Content>
    </Menu.Portal>
  );
}

export interface DropdownItemProps extends ComponentPropsWithoutRef<typeof Menu.Item> {
  icon?: ReactNode;
  tone?: 'default' | 'danger';
}

export function DropdownItem({ className, icon, tone = 'default', children, ...props }: DropdownItemProps) {
  return (
    <Menu.Item
      className={cn(
        'flex h-9 cursor-pointer select-none items-center gap-2.5 rounded-lg px-2.5 text-sm outline-none transition-colors',
        tone === 'danger'
          ? 'text-danger-fg data-[highlighted]:bg-danger/12'
          : 'text-fg data-[highlighted]:bg-fill data-[highlighted]:text-fg',
        'data-[disabled]:pointer-events-none data-[disabled]:opacity-50',
        className,
      )}
      {...props}
    >
      {icon ? <span className="text-fg-subtle [[data-highlighted]_&]:text-current">{icon}</span> : null}
      {children}
    </Menu.Item>
  );
}

export function DropdownLabel({ className, ...props }: ComponentPropsWithoutRef<typeof Menu.Label>) {
  return <Menu.Label className={cn('px-2.5 py-2', className)} {...props} />;
}

export function DropdownSeparator({ className, ...props }: ComponentPropsWithoutRef<typeof Menu.Separator>) {
  return <Menu.Separator className={cn('my-1.5 h-px bg-fill', className)} {...props} />;
}

export const DropdownRadioGroup = Menu.RadioGroup;

export function DropdownRadioItem({
  className,
  children,
  ...props
}: ComponentPropsWithoutRef<typeof Menu.RadioItem>) {
  return (
    <Menu.RadioItem
      className={cn(
        'relative flex h-9 cursor-pointer select-none items-center gap-2.5 rounded-lg pr-8 pl-2.5 text-sm text-fg outline-none transition-colors',
        'data-[highlighted]:bg-fill data-[highlighted]:text-fg data-[disabled]:pointer-events-none data-[disabled]:opacity-50',
        className,
      )}
      {...props}
    >
      {children}
      <Menu.ItemIndicator className="absolute right-2.5 inline-flex text-accent-fg">
        <svg
          width={14}
          height={14}
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth={2.25}
          aria-hidden
        >
          <path d="m4.5 12.5 5 5 10-11" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </Menu.ItemIndicator>
    </Menu.RadioItem>
  );
}
