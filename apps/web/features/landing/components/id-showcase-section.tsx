import { BadgeCheckIcon, CopyIcon } from 'lucide-react';
import { SectionHeading } from './section-heading';

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
            <div className="rounded-[calc(2rem-1px)] bg-(image:--gradient-id-card) p-7 sm:p-8">
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
