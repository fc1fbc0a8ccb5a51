'use client';

import {
  CompassIcon,
  HashIcon,
  MenuIcon,
  PlusIcon,
  ShieldCheckIcon,
  SparklesIcon,
  UsersIcon,
} from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { LoadFailedState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/api';
import { useServerList } from '../hooks/use-servers';
import { useServersUi } from './servers-ui';

const FEATURES = [
  {
    icon: HashIcon,
    title: 'Channels for every topic',
    text: 'Text, voice and announcements, sorted into categories.',
  },
  {
    icon: ShieldCheckIcon,
    title: 'Roles and permissions',
    text: 'Private channels for the people you choose.',
  },
  { icon: UsersIcon, title: 'Your people, live', text: 'See who is around, reply, react and share files.' },
];

/** `/servers` with no server yet: what servers are and the two ways in. */
export function ServersEmptyState() {
  const ui = useServersUi();
  return (
    <div
      className="relative flex flex-1 items-center justify-center overflow-y-auto px-5 py-10"
      data-testid="servers-empty"
    >
      <div
        aria-hidden
        className="pointer-events-none absolute inset-0 bg-[radial-gradient(40rem_22rem_at_50%_0%,color-mix(in_oklab,var(--color-accent)_16%,transparent),transparent_70%)]"
      />
      <div className="relative w-full max-w-2xl text-center">
        <div aria-hidden className="mx-auto mb-7 flex w-fit items-end gap-3">
          {[
            'from-brand-400 to-brand-700 size-12 -rotate-6',
            'from-flare-400 to-brand-600 size-16',
            'from-live-400 to-brand-500 size-12 rotate-6',
          ].map((classes) => (
            <span
              key={classes}
              className={`inline-flex animate-float items-center justify-center rounded-[32%] bg-gradient-to-br shadow-lift ring-1 ring-line-strong ring-inset ${classes}`}
            >
              <SparklesIcon className="text-on-accent/80" size={18} />
            </span>
          ))}
        </div>
        <h1 className="font-display text-[2rem] leading-tight font-bold tracking-tight text-fg sm:text-[2.5rem]">
          Find your people
        </h1>
        <p className="mx-auto mt-3 max-w-md text-[16px] leading-relaxed text-fg-muted">
          A server is a home for your friends or community: channels to talk in, roles to keep it tidy, and
          everyone in one place.
        </p>
        <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
          <Button size="lg" onClick={() => ui.openDialog('create')} data-testid="empty-create">
            <PlusIcon aria-hidden size={18} /> Create a server
          </Button>
          <Button
            size="lg"
            variant="secondary"
            onClick={() => ui.openDialog('join')}
            data-testid="empty-join"
          >
            <CompassIcon aria-hidden size={18} /> Join with an invite
          </Button>
        </div>
        <ul className="mt-12 grid gap-3 text-left sm:grid-cols-3">
          {FEATURES.map(({ icon: Icon, title, text }) => (
            <li key={title} className="rounded-2xl border border-line bg-fill-subtle p-4 shadow-inset-top">
              <span className="inline-flex size-9 items-center justify-center rounded-xl border border-accent-bright/20 bg-accent/10 text-accent-fg">
                <Icon aria-hidden size={18} />
              </span>
              <p className="mt-3 text-[14px] font-semibold text-fg">{title}</p>
              <p className="mt-1 text-[13px] leading-relaxed text-fg-subtle">{text}</p>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** `/servers`: the empty state, or straight into my first server. */
export function ServersHome() {
  const { data: servers, error, refetch } = useServerList();
  const router = useRouter();
  const ui = useServersUi();
  const first = servers?.[0];
  useEffect(() => {
    if (first) router.replace(`/servers/${first.id}`);
  }, [first, router]);

  if (error && !servers) {
    return (
      <div className="flex flex-1 items-center justify-center p-6">
        <LoadFailedState
          title="Your servers didn’t load"
          message={errorMessage(error)}
          onRetry={() => void refetch()}
        />
      </div>
    );
  }
  if (servers && servers.length === 0) {
    return (
      <>
        <div className="flex h-14 shrink-0 items-center border-b border-line px-2 lg:hidden">
          <button
            type="button"
            onClick={ui.openNav}
            aria-label="Servers"
            className="inline-flex size-9 items-center justify-center rounded-lg text-fg-muted hover:bg-fill hover:text-fg"
          >
            <MenuIcon aria-hidden size={20} />
          </button>
          <span className="ml-2 font-display font-semibold text-fg">Servers</span>
        </div>
        <ServersEmptyState />
      </>
    );
  }
  return (
    <div className="flex flex-1 items-center justify-center">
      <Spinner size={26} className="text-accent-fg" label="Opening your servers" />
    </div>
  );
}
