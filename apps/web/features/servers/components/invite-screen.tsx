'use client';

import { CircleIcon, LinkIcon, UsersIcon } from 'lucide-react';
import Link from 'next/link';
import { useParams, useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { useAuth } from '@/features/auth/auth-context';
import { errorMessage, isApiError } from '@/lib/api';
import { formatCount } from '@/lib/utils';
import { useServerActions } from '../hooks/use-server-actions';
import { useInvitePreview } from '../hooks/use-servers';
import { ServerIcon } from './server-icon';

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <div className="relative flex flex-1 items-center justify-center overflow-hidden px-4 py-16">
      <div
        aria-hidden
        className="pointer-events-none absolute inset-0 bg-[radial-gradient(44rem_26rem_at_50%_-6rem,color-mix(in_oklab,var(--color-accent)_18%,transparent),transparent_70%)]"
      />
      <div className="relative w-full max-w-md">{children}</div>
    </div>
  );
}

/**
 * `/invite/[code]`: who invited you where, then Join. Signed-out visitors see the same card and sign in
 * first; the login brings them back here to press Join.
 */
export function InviteScreen() {
  const params = useParams<{ code: string }>();
  const code = decodeURIComponent(params.code ?? '');
  const { status, user } = useAuth();
  const { data, isPending, error, refetch } = useInvitePreview(code);
  const actions = useServerActions();
  const router = useRouter();
  const [joining, setJoining] = useState(false);
  const [joinError, setJoinError] = useState<string | null>(null);
  const signedIn = status === 'authenticated' && user !== null;

  if (isPending) {
    return (
      <Frame>
        <div className="card flex flex-col items-center rounded-3xl p-8" aria-busy="true">
          <span className="sr-only" role="status">
            Loading the invite
          </span>
          <Skeleton className="size-20 rounded-[32%]" />
          <Skeleton className="mt-5 h-6 w-48" />
          <Skeleton className="mt-3 h-4 w-32" />
          <Skeleton className="mt-8 h-12 w-full rounded-2xl" />
        </div>
      </Frame>
    );
  }
  if (error || !data) {
    const invalid =
      isApiError(error) && (error.status === 404 || error.status === 410 || error.status === 400);
    return (
      <Frame>
        <EmptyState
          tone="warning"
          icon={<LinkIcon aria-hidden size={22} />}
          title={invalid ? 'Invite invalid' : 'The invite didn’t load'}
          actions={
            invalid ? (
              <Link href={signedIn ? '/servers' : '/'} className={buttonClasses({ variant: 'secondary' })}>
                {signedIn ? 'Go to your servers' : 'Go home'}
              </Link>
            ) : (
              <Button onClick={() => void refetch()}>Try again</Button>
            )
          }
          data-testid="invite-invalid"
        >
          {invalid
            ? 'This invite may have expired, been used up, or been revoked. Ask for a new one.'
            : errorMessage(error)}
        </EmptyState>
      </Frame>
    );
  }

  const { server } = data;
  const join = async () => {
    setJoining(true);
    setJoinError(null);
    try {
      const result = await actions.join(code);
      router.push(`/servers/${result.server.id}`);
    } catch (failure) {
      setJoinError(errorMessage(failure));
      setJoining(false);
    }
  };

  return (
    <Frame>
      <div
        className="card flex flex-col items-center rounded-3xl p-8 text-center shadow-float"
        data-testid="invite-card"
      >
        <ServerIcon name={server.name} src={server.icon} size={80} active />
        <p className="mt-5 text-[13px] font-medium text-fg-subtle">
          {server.owner.username
            ? `${server.owner.username} invited you to join`
            : 'You’ve been invited to join'}
        </p>
        <h1
          className="mt-1 font-display text-2xl font-bold tracking-tight text-fg"
          data-testid="invite-server-name"
        >
          {server.name}
        </h1>
        {server.description ? (
          <p className="mt-2 line-clamp-3 text-[14px] leading-relaxed text-fg-muted">{server.description}</p>
        ) : null}
        <div className="mt-4 flex items-center gap-4 text-[13px] text-fg-muted">
          <span className="inline-flex items-center gap-1.5" data-testid="invite-online">
            <CircleIcon aria-hidden size={9} className="fill-live text-live" />
            {formatCount(server.onlineCount)} online
          </span>
          <span className="inline-flex items-center gap-1.5" data-testid="invite-members">
            <UsersIcon aria-hidden size={14} />
            {formatCount(server.memberCount)} member{server.memberCount === 1 ? '' : 's'}
          </span>
        </div>
        {signedIn ? (
          <Button
            size="lg"
            className="mt-8 w-full"
            loading={joining}
            onClick={join}
            data-testid="invite-join"
          >
            Join {server.name}
          </Button>
        ) : (
          <>
            <Link
              href={`/login?next=${encodeURIComponent(`/invite/${code}`)}`}
              className={buttonClasses({ size: 'lg', className: 'mt-8 w-full' })}
              data-testid="invite-sign-in"
            >
              Sign in to join
            </Link>
            <p className="mt-3 text-[13px] text-fg-subtle">
              New here? Signing in creates your account in seconds.
            </p>
          </>
        )}
        {joinError ? (
          <p role="alert" className="mt-3 text-[13px] text-danger-fg">
            {joinError}
          </p>
        ) : null}
      </div>
    </Frame>
  );
}
