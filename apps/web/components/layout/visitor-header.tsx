import { HeaderFrame, VisitorActions } from './header-frame';
import { MobileNav } from './mobile-nav';
import { navItemsFor } from './nav';
import { OnlineCountPill } from './online-count';

/**
 * The header a visitor meets on the marketing pages, rendered on the server: the only JavaScript it
 * brings is the live count and the phone menu's button (the menu itself loads on the first tap).
 */
export function VisitorHeader() {
  return (
    <HeaderFrame kind="visitor" items={navItemsFor('visitor')}>
      <OnlineCountPill />
      <VisitorActions />
      <MobileNav kind="visitor" />
    </HeaderFrame>
  );
}
