import { MicIcon, PhoneOffIcon, SkipForwardIcon, VideoIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';

function Silhouette({ hue, className }: { hue: number; className?: string }) {
  return (
    <svg
      viewBox="0 0 200 200"
      className={cn('absolute inset-x-0 bottom-0 mx-auto h-[86%]', className)}
      aria-hidden
    >
      <defs>
        <linearGradient id={`sil-${hue}`} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor={`hsl(${hue} 70% 72%)`} stopOpacity="0.9" />
          <stop offset="1" stopColor={`hsl(${hue + 30} 60% 40%)`} stopOpacity="0.35" />
        </linearGradient>
      </defs>
      <circle cx="100" cy="78" r="34" fill={`url(#sil-${hue})`} />
      <path d="M30 200c0-44 31.3-72 70-72s70 28 70 72Z" fill={`url(#sil-${hue})`} />
    </svg>
  );
}

function ControlButton({
  children,
  tone = 'default',
}: {
  children: ReactNode;
  tone?: 'default' | 'danger' | 'accent';
}) {
  return (
    <span
      className={cn(
        'inline-flex size-9 items-center justify-center rounded-full border sm:size-11',
        tone === 'danger' && 'border-danger-bright/30 bg-danger/80 text-on-accent',
        tone === 'accent' &&
          'w-auto gap-1.5 border-line-strong bg-fg px-3.5 text-[13px] font-semibold text-fg-inverse sm:w-auto sm:px-4',
        tone === 'default' && 'border-line bg-fill-strong text-on-media backdrop-blur-md',
      )}
    >
      {children}
    </span>
  );
}

/** A product shot drawn in CSS: a live 1:1 video call with text chat alongside. Purely decorative. */
export function HeroVisual() {
  return (
    <div className="relative mx-auto w-full max-w-5xl" aria-hidden>
      <div className="absolute -inset-x-10 -top-10 -bottom-16 -z-10 rounded-[3rem] bg-[radial-gradient(50%_60%_at_50%_40%,color-mix(in_srgb,var(--color-accent)_28%,transparent),transparent_70%)] blur-2xl" />
      <div className="card overflow-hidden rounded-[1.75rem] p-2 sm:p-2.5">
        <div className="flex items-center gap-2 px-3 pt-1.5 pb-3">
          <span className="size-2.5 rounded-full bg-fill-strong" />
          <span className="size-2.5 rounded-full bg-fill-strong" />
          <span className="size-2.5 rounded-full bg-fill-strong" />
          <span className="mx-auto rounded-md bg-fill-subtle px-3 py-0.5 font-mono text-[11px] text-fg-subtle">
            guftagu — video chat
          </span>
          <span className="w-[46px]" />
        </div>
        <div className="grid gap-2.5 md:grid-cols-[1fr_17rem]">
          <div className="relative aspect-[4/3] overflow-hidden rounded-2xl bg-(image:--gradient-hero-stage) sm:aspect-[16/10]">
            <div className="absolute inset-0 bg-[radial-gradient(60%_50%_at_50%_35%,color-mix(in_srgb,var(--color-highlight)_18%,transparent),transparent_70%)]" />
            <Silhouette hue={262} />
            <div className="absolute top-3 left-3 flex items-center gap-2 rounded-full border border-line bg-canvas/50 px-2.5 py-1 text-[11px] font-medium text-fg backdrop-blur-md sm:top-4 sm:left-4 sm:text-xs">
              <span className="size-1.5 rounded-full bg-live shadow-live-dot" />
              Connected · 02:14
            </div>
            <div className="absolute top-3 right-3 hidden gap-1.5 sm:top-4 sm:right-4 sm:flex">
              {['music', 'travel', 'films'].map((tag) => (
                <span
                  key={tag}
                  className="rounded-full border border-line bg-canvas/50 px-2.5 py-1 text-[11px] text-fg-soft backdrop-blur-md"
                >
                  #{tag}
                </span>
              ))}
            </div>
            <div className="absolute right-3 bottom-16 aspect-[3/4] w-[24%] overflow-hidden rounded-xl border border-line-strong bg-(image:--gradient-hero-tile) shadow-2xl sm:right-4 sm:bottom-20">
              <Silhouette hue={330} className="h-[80%]" />
              <span className="absolute bottom-1.5 left-1.5 rounded bg-canvas/60 px-1.5 py-0.5 text-[10px] text-fg-soft">
                You
              </span>
            </div>
            <div className="absolute inset-x-0 bottom-3 flex items-center justify-center gap-2 sm:bottom-4 sm:gap-2.5">
              <ControlButton>
                <MicIcon size={17} />
              </ControlButton>
              <ControlButton>
                <VideoIcon size={17} />
              </ControlButton>
              <ControlButton tone="accent">
                Next <SkipForwardIcon size={14} />
              </ControlButton>
              <ControlButton tone="danger">
                <PhoneOffIcon size={17} />
              </ControlButton>
            </div>
          </div>
          <div className="hidden flex-col rounded-2xl border border-line bg-canvas/50 p-4 md:flex">
            <p className="text-micro font-semibold tracking-[0.08em] text-fg-subtle uppercase">Chat</p>
            <div className="mt-4 flex flex-1 flex-col justify-end gap-2.5 text-[13px]">
              <p className="max-w-[85%] self-start rounded-2xl rounded-bl-md bg-fill px-3 py-2 text-fg">
                Hey! Where are you calling from?
              </p>
              <p className="max-w-[85%] self-end rounded-2xl rounded-br-md bg-accent-strong px-3 py-2 text-on-accent">
                Lahore — it&apos;s almost midnight here
              </p>
              <p className="max-w-[85%] self-start rounded-2xl rounded-bl-md bg-fill px-3 py-2 text-fg">
                Lisbon! Same song on repeat?
              </p>
              <p className="flex items-center gap-1 self-start rounded-2xl rounded-bl-md bg-fill-subtle px-3 py-2.5">
                {[0, 1, 2].map((dot) => (
                  <span
                    key={dot}
                    className="size-1.5 animate-typing rounded-full bg-fg-muted"
                    style={{ animationDelay: `${dot * 150}ms` }}
                  />
                ))}
              </p>
            </div>
            <div className="mt-4 flex h-10 items-center rounded-xl border border-line bg-fill-subtle px-3 text-[13px] text-fg-faint">
              Say something nice…
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
