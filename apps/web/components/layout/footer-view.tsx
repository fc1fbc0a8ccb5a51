import Link from 'next/link';
import { Logo } from './logo';
import type { ShellKind } from './nav';

interface FooterColumn {
  title: string;
  links: { href: string; label: string }[];
}

/** Visitors see what Guftagu is and how to join. */
const VISITOR_PRODUCT: FooterColumn = {
  title: 'Product',
  links: [
    { href: '/#features', label: 'Features' },
    { href: '/#your-id', label: 'Your 7-digit ID' },
    { href: '/login', label: 'Sign in' },
  ],
};

/** Signed-in people get the app's sections; they are already in, so no "Sign in". */
const MEMBER_PRODUCT: FooterColumn = {
  title: 'Product',
  links: [
    { href: '/chat', label: 'Video chat' },
    { href: '/friends', label: 'Friends' },
    { href: '/messages', label: 'Messages' },
  ],
};

const COLUMNS: FooterColumn[] = [
  {
    title: 'Support',
    links: [
      { href: '/help', label: 'Help center' },
      { href: '/help#safety-tips', label: 'Safety tips' },
      { href: '/help#report', label: 'Report a user' },
    ],
  },
  {
    title: 'Legal',
    links: [
      { href: '/terms', label: 'Terms of Service' },
      { href: '/privacy', label: 'Privacy Policy' },
      { href: '/terms#community-guidelines', label: 'Community guidelines' },
    ],
  },
];

/**
 * The footer's markup for a shell kind. No hooks, so the visitor shell renders it on the server and the
 * signed-in shell's `Footer` renders it on the client.
 */
export function FooterView({ kind }: { kind: ShellKind }) {
  // Until the session is known, show no product links rather than a "Sign in" a member would not need.
  const product = kind === 'visitor' ? VISITOR_PRODUCT : kind === 'app' ? MEMBER_PRODUCT : null;
  const columns = product ? [product, ...COLUMNS] : COLUMNS;
  const year = new Date().getFullYear();
  return (
    <footer className="hairline-top mt-24 border-t border-line bg-canvas/60" data-testid="site-footer">
      <div className="mx-auto grid max-w-6xl gap-12 px-4 py-14 sm:px-6 md:grid-cols-[1.4fr_repeat(3,1fr)]">
        <div className="max-w-xs">
          <Logo />
          <p className="mt-4 text-sm leading-relaxed text-fg-subtle">
            Guftagu means conversation. Meet someone new face to face, keep the people you click with, and
            talk again whenever you like.
          </p>
        </div>
        {columns.map((column) => (
          <nav key={column.title} aria-label={column.title}>
            <h2 className="font-sans text-micro font-semibold tracking-[0.08em] text-fg-subtle uppercase">
              {column.title}
            </h2>
            <ul className="mt-4 flex flex-col gap-2.5">
              {column.links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="text-sm text-fg-muted transition-colors hover:text-fg">
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ))}
      </div>
      <div className="border-t border-line">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-xs text-fg-faint sm:flex-row sm:items-center sm:justify-between sm:px-6">
          <p>© {year} Guftagu. All rights reserved.</p>
          <p>Be kind — every conversation is with a real person. You must be 18 or older to use Guftagu.</p>
        </div>
      </div>
    </footer>
  );
}
