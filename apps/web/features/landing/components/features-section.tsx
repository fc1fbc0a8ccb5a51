import { HashIcon, ShieldIcon, UsersIcon, VideoIcon, ZapIcon } from 'lucide-react';
import { FeatureIcon, SectionHeading } from './section-heading';

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
