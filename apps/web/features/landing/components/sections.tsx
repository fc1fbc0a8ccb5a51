import {
  BadgeCheckIcon,
  CopyIcon,
  EyeOffIcon,
  FlagIcon,
  GlobeIcon,
  HashIcon,
  LockIcon,
  ShieldIcon,
  SkipForwardIcon,
  UsersIcon,
  VideoIcon,
  ZapIcon,
} from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';

export function SectionHeading({
  eyebrow,
  title,
  children,
  align = 'center',
  id,
}: {
  eyebrow: string;
  title: ReactNode;
  children?: ReactNode;
  align?: 'center' | 'left';
  id?: string;
}) {
  return (
    <div className={cn('max-w-2xl', align === 'center' && 'mx-auto text-center')}>
      <p className="text-micro font-semibold tracking-[0.14em] text-accent-fg uppercase">{eyebrow}</p>
      <h2 id={id} className="mt-4 text-display font-semibold text-fg">
        {title}
      </h2>
      {children ? <p className="mt-5 text-[17px] leading-relaxed text-fg-muted">{children}</p> : null}
    </div>
  );
}

function FeatureIcon({
  children,
  tone = 'brand',
}: {
  children: ReactNode;
  tone?: 'brand' | 'flare' | 'live';
}) {
  return (
    <span
      className={cn(
        'inline-flex size-11 items-center justify-center rounded-2xl border shadow-inset-top',
        tone === 'brand' && 'border-accent-bright/20 bg-accent/10 text-accent-fg',
        tone === 'flare' && 'border-highlight/20 bg-highlight/10 text-highlight-fg',
        tone === 'live' && 'border-live/20 bg-live-strong/10 text-live-fg',
      )}
    >
      {children}
    </span>
  );
}

function MatchingVisual() {
  return (
    <div
      className="relative mt-8 flex h-40 items-center justify-center overflow-hidden rounded-2xl border border-line bg-canvas/60"
      aria-hidden
    >
      <div className="absolute inset-0 bg-[radial-gradient(40%_60%_at_50%_50%,color-mix(in_srgb,var(--color-accent)_18%,transparent),transparent_70%)]" />
      <div className="relative flex items-center gap-4 sm:gap-6">
        {[
          { hue: 262, label: 'You' },
          { hue: 330, label: 'Stranger' },
        ].map((person, index) => (
          <div key={person.label} className="flex flex-col items-center gap-2">
            <span
              className="size-14 rounded-2xl ring-1 ring-line-strong sm:size-16"
              style={{
                backgroundImage: `linear-gradient(135deg, hsl(${person.hue} 80% 68%), hsl(${person.hue + 40} 70% 42%))`,
                animation: 'var(--animate-float)',
                animationDelay: `${index * -3.5}s`,
              }}
            />
            <span className="text-[11px] text-fg-subtle">{person.label}</span>
          </div>
        ))}
      </div>
      <div className="absolute top-1/2 left-1/2 -translate-x-1/2 -translate-y-[calc(50%+10px)]">
        <span className="inline-flex items-center gap-1.5 rounded-full border border-live/25 bg-surface px-2.5 py-1 text-[11px] font-medium text-live-fg shadow-lg">
          <span className="size-1.5 rounded-full bg-live" /> Matched
        </span>
      </div>
    </div>
  );
}

function DmVisual() {
  return (
    <div className="mt-8 flex flex-col gap-2 text-[13px]" aria-hidden>
      <div className="flex items-center gap-2.5 rounded-xl border border-line bg-canvas/50 p-2.5">
        <span className="relative size-8 rounded-full bg-[linear-gradient(135deg,var(--color-highlight-fg),var(--color-highlight))]">
          <span className="absolute right-0 bottom-0 size-2.5 rounded-full bg-live ring-2 ring-surface" />
        </span>
        <span className="min-w-0 flex-1">
          <span className="block font-medium text-fg">mariam_k</span>
          <span className="block truncate text-fg-subtle">typing…</span>
        </span>
        <span className="rounded-full bg-highlight px-1.5 text-[11px] font-semibold text-on-accent">2</span>
      </div>
      <div className="flex items-center gap-2.5 rounded-xl border border-line bg-canvas/30 p-2.5 opacity-70">
        <span className="size-8 rounded-full bg-[linear-gradient(135deg,var(--color-accent-fg),var(--color-accent-strong))]" />
        <span className="min-w-0 flex-1">
          <span className="block font-medium text-fg">leo.santos</span>
          <span className="block truncate text-fg-subtle">that playlist was perfect</span>
        </span>
      </div>
    </div>
  );
}

export function FeaturesSection() {
  return (
    <section
      id="features"
      aria-labelledby="features-title"
      className="mx-auto w-full max-w-6xl px-4 py-20 sm:px-6 sm:py-28"
    >
      <SectionHeading id="features-title" eyebrow="Features" title="Everything a good conversation needs">
        Random when you want to explore, personal when you find your people. Guftagu is built around one thing
        — talking to real humans, in real time.
      </SectionHeading>

      <div className="mt-16 grid gap-4 md:grid-cols-6">
        <article className="card rounded-3xl p-7 md:col-span-4">
          <FeatureIcon>
            <VideoIcon size={20} />
          </FeatureIcon>
          <h3 className="mt-5 text-heading font-semibold text-fg">Random video chat</h3>
          <p className="mt-2 max-w-lg text-fg-muted">
            One tap puts you face to face with someone new. Add interests to meet people who like what you
            like, hit <strong className="font-semibold text-fg">Next</strong> to move on instantly, and chat
            by text alongside the video.
          </p>
          <MatchingVisual />
        </article>

        <article className="card rounded-3xl p-7 md:col-span-2">
          <FeatureIcon tone="flare">
            <UsersIcon size={20} />
          </FeatureIcon>
          <h3 className="mt-5 text-heading font-semibold text-fg">Friends &amp; DMs</h3>
          <p className="mt-2 text-fg-muted">
            Clicked with someone? Send a friend request and keep talking in private messages, with typing
            indicators and online status.
          </p>
          <DmVisual />
        </article>

        <article className="card rounded-3xl p-7 md:col-span-2">
          <FeatureIcon tone="live">
            <ZapIcon size={20} />
          </FeatureIcon>
          <h3 className="mt-5 text-heading font-semibold text-fg">Live, for real</h3>
          <p className="mt-2 text-fg-muted">
            The online count at the top of every page moves the moment anyone joins or leaves — no refresh, no
            polling.
          </p>
        </article>

        <article className="card rounded-3xl p-7 md:col-span-2">
          <FeatureIcon>
            <HashIcon size={20} />
          </FeatureIcon>
          <h3 className="mt-5 text-heading font-semibold text-fg">A 7-digit ID that&apos;s yours</h3>
          <p className="mt-2 text-fg-muted">
            Every account gets a permanent number. Share it anywhere and people can find you — even if you
            change your username.
          </p>
        </article>

        <article className="card rounded-3xl p-7 md:col-span-2">
          <FeatureIcon tone="flare">
            <ShieldIcon size={20} />
          </FeatureIcon>
          <h3 className="mt-5 text-heading font-semibold text-fg">Safety built in</h3>
          <p className="mt-2 text-fg-muted">
            Report or skip in one tap, 18+ only, and a moderation team that reviews every report.
          </p>
        </article>
      </div>
    </section>
  );
}

export function IdShowcaseSection() {
  return (
    <section id="your-id" aria-labelledby="your-id-title" className="relative overflow-hidden py-20 sm:py-28">
      <div className="absolute inset-0 -z-10 bg-[radial-gradient(50%_50%_at_70%_50%,color-mix(in_srgb,var(--color-highlight)_7%,transparent),transparent_70%)]" />
      <div className="mx-auto grid w-full max-w-6xl items-center gap-14 px-4 sm:px-6 lg:grid-cols-2">
        <div>
          <SectionHeading
            id="your-id-title"
            align="left"
            eyebrow="Your 7-digit ID"
            title={
              <>
                Your number. <span className="text-gradient">Forever.</span>
              </>
            }
          >
            The moment you join, Guftagu gives you a unique seven-digit ID. It never changes — so it&apos;s
            the easiest way to say &ldquo;add me&rdquo; at the end of a great conversation.
          </SectionHeading>
          <ul className="mt-8 flex flex-col gap-4 text-[15px] text-fg-soft">
            {[
              'Guaranteed unique and permanent — usernames can change, your ID can’t',
              'Friends can find you by ID or username and send a request',
              'Copy it from your profile in one tap',
            ].map((line) => (
              <li key={line} className="flex items-start gap-3">
                <BadgeCheckIcon size={20} className="mt-0.5 shrink-0 text-accent-fg" />
                {line}
              </li>
            ))}
          </ul>
        </div>

        <div className="relative mx-auto w-full max-w-md" aria-hidden>
          <div className="absolute -inset-8 -z-10 rounded-[3rem] bg-[conic-gradient(from_180deg_at_50%_50%,color-mix(in_srgb,var(--color-accent)_35%,transparent),color-mix(in_srgb,var(--color-highlight)_25%,transparent),color-mix(in_srgb,var(--color-glow)_20%,transparent),color-mix(in_srgb,var(--color-accent)_35%,transparent))] opacity-60 blur-3xl" />
          <div className="rotate-[-2deg] rounded-[2rem] sm:rotate-[-4deg] bg-[linear-gradient(135deg,color-mix(in_srgb,var(--color-fg)_22%,transparent),color-mix(in_srgb,var(--color-fg)_4%,transparent)_40%,color-mix(in_srgb,var(--color-fg)_12%,transparent))] p-px shadow-modal transition-transform duration-700 ease-out-expo hover:rotate-0">
            <div className="rounded-[calc(2rem-1px)] bg-[linear-gradient(160deg,#1b1830,#0d0c16_60%)] p-7 sm:p-8">
              <div className="flex items-center justify-between">
                <span className="text-micro font-semibold tracking-[0.16em] text-fg-subtle uppercase">
                  Guftagu ID
                </span>
                <span className="inline-flex items-center gap-1.5 text-[11px] text-live-fg">
                  <span className="size-1.5 rounded-full bg-live" /> Online
                </span>
              </div>
              <p className="mt-10 font-display text-[clamp(2.75rem,9vw,4rem)] leading-none font-semibold tracking-[0.02em] text-fg tabular">
                482<span className="text-fg-faint">-</span>1937
              </p>
              <div className="mt-10 flex items-end justify-between">
                <div>
                  <p className="text-sm font-medium text-fg">Zara Ahmed</p>
                  <p className="text-xs text-fg-subtle">@zara · Member since March 2025</p>
                </div>
                <span className="inline-flex items-center gap-1.5 rounded-lg border border-line bg-fill px-2.5 py-1.5 text-xs text-fg-soft">
                  <CopyIcon size={14} /> Copy
                </span>
              </div>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}

export function HowItWorksSection() {
  const steps = [
    {
      icon: <LockIcon size={18} />,
      title: 'Sign in with your email',
      body: 'We send a six-digit code. No password to remember, nothing to download.',
    },
    {
      icon: <HashIcon size={18} />,
      title: 'Pick a username',
      body: 'Choose how people see you. Your permanent 7-digit ID is created on the spot.',
    },
    {
      icon: <SkipForwardIcon size={18} />,
      title: 'Start talking',
      body: 'Meet someone new, skip whenever you like, and add the people you click with.',
    },
  ];
  return (
    <section
      id="how-it-works"
      aria-labelledby="how-title"
      className="mx-auto w-full max-w-6xl px-4 py-16 sm:px-6 sm:py-20"
    >
      <SectionHeading id="how-title" eyebrow="How it works" title="From hello in under a minute" />
      <ol className="relative mt-16 grid gap-4 md:grid-cols-3">
        {steps.map((step, index) => (
          <li key={step.title} className="card relative rounded-3xl p-7">
            <div className="flex items-center justify-between">
              <span className="inline-flex size-10 items-center justify-center rounded-xl border border-line bg-fill-subtle text-fg">
                {step.icon}
              </span>
              <span className="font-display text-4xl font-semibold text-fg/[0.07] tabular">0{index + 1}</span>
            </div>
            <h3 className="mt-6 text-heading font-semibold text-fg">{step.title}</h3>
            <p className="mt-2 text-fg-muted">{step.body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function SafetySection() {
  const items = [
    {
      icon: <BadgeCheckIcon size={18} />,
      title: '18+ only',
      body: 'Guftagu is for adults. Accounts that break this rule are removed.',
    },
    {
      icon: <FlagIcon size={18} />,
      title: 'Report in one tap',
      body: 'Flag anyone mid-conversation. Reports go to a human moderation team.',
    },
    {
      icon: <EyeOffIcon size={18} />,
      title: 'Private by default',
      body: 'Strangers never see your email. Hide your online status from non-friends.',
    },
    {
      icon: <GlobeIcon size={18} />,
      title: 'Peer-to-peer video',
      body: 'Calls connect directly between browsers; we don’t record your video.',
    },
  ];
  return (
    <section
      id="safety"
      aria-labelledby="safety-title"
      className="mx-auto w-full max-w-6xl px-4 py-16 sm:px-6 sm:py-20"
    >
      <div className="card overflow-hidden rounded-[2rem] p-8 sm:p-12">
        <div className="grid gap-12 lg:grid-cols-[1fr_1.3fr]">
          <SectionHeading
            id="safety-title"
            align="left"
            eyebrow="Safety"
            title="Built for good conversations"
          >
            Meeting strangers should feel exciting, not risky. These protections are on for everyone, from
            your very first chat.
          </SectionHeading>
          <ul className="grid gap-6 sm:grid-cols-2">
            {items.map((item) => (
              <li key={item.title}>
                <span className="inline-flex size-9 items-center justify-center rounded-xl bg-fill text-highlight-fg">
                  {item.icon}
                </span>
                <h3 className="mt-4 font-sans text-[15px] font-semibold text-fg">{item.title}</h3>
                <p className="mt-1.5 text-sm leading-relaxed text-fg-subtle">{item.body}</p>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
