import { OnlineCountHero } from '@/components/layout/online-count';
import { buttonClasses } from '@/components/ui/button';
import { FeaturesSection } from './features-section';
import { HeroVisual } from './hero-visual';
import { HowItWorksSection } from './how-it-works-section';
import { IdShowcaseSection } from './id-showcase-section';
import { SafetySection } from './safety-section';
import { StartChattingLink } from './start-chatting-link';

/** The landing page: hero with the live count, the feature sections and a closing call to action. */
export function LandingPage() {
  return (
    <>
      <section aria-labelledby="hero-title" className="relative isolate overflow-hidden">
        <div className="bg-grid pointer-events-none absolute inset-0 -z-10" />
        <div className="pointer-events-none absolute -top-40 left-1/2 -z-10 h-[36rem] w-[64rem] -translate-x-1/2 animate-aurora rounded-full bg-[radial-gradient(closest-side,color-mix(in_srgb,var(--color-accent)_28%,transparent),color-mix(in_srgb,var(--color-highlight)_8%,transparent)_60%,transparent)] blur-3xl" />

        <div className="mx-auto flex w-full max-w-6xl flex-col items-center px-4 pt-14 pb-12 text-center sm:px-6 sm:pt-24 sm:pb-16">
          <div className="animate-fade-up">
            <OnlineCountHero />
          </div>
          {/* No fade-in: the headline is the largest paint, and text at opacity 0 does not count as painted. */}
          <h1 id="hero-title" className="mt-8 max-w-5xl text-hero font-semibold text-fg">
            Talk to someone new, <br className="max-md:hidden" />
            <span className="text-gradient">right now.</span>
          </h1>
          <p className="mt-6 max-w-xl animate-fade-up text-[17px] leading-relaxed text-fg-muted [animation-delay:160ms] sm:text-lg">
            One tap connects you face to face with a real person somewhere in the world. No profiles to fill,
            no swiping — just conversation. Keep the ones you click with.
          </p>
          <div className="mt-10 flex w-full animate-fade-up flex-col items-center justify-center gap-3 [animation-delay:240ms] sm:w-auto sm:flex-row">
            <StartChattingLink className="w-full sm:w-auto" />
            <a
              href="#how-it-works"
              className={buttonClasses({ variant: 'secondary', size: 'lg', className: 'w-full sm:w-auto' })}
            >
              How it works
            </a>
          </div>
          <p className="mt-6 animate-fade-up text-[13px] text-fg-subtle [animation-delay:300ms]">
            Free · Works in your browser · 18+ only
          </p>

          <div className="mt-16 w-full animate-fade-up [animation-delay:380ms] sm:mt-20">
            <HeroVisual />
          </div>
        </div>
      </section>

      <FeaturesSection />
      <IdShowcaseSection />
      <HowItWorksSection />
      <SafetySection />

      <section aria-labelledby="cta-title" className="mx-auto w-full max-w-6xl px-4 pt-8 sm:px-6">
        <div className="relative isolate overflow-hidden rounded-[2rem] border border-line px-6 py-16 text-center sm:px-12 sm:py-20">
          <div className="absolute inset-0 -z-10 bg-(image:--gradient-cta)" />
          <div className="bg-grid absolute inset-0 -z-10 opacity-60" />
          <h2 id="cta-title" className="mx-auto max-w-2xl text-display font-semibold text-fg">
            Someone interesting is online right now.
          </h2>
          <p className="mx-auto mt-4 max-w-md text-fg-muted">
            Say hello. The worst that happens is you press Next.
          </p>
          <div className="mt-8 flex flex-col items-center gap-5">
            <StartChattingLink variant="light" />
            <OnlineCountHero />
          </div>
        </div>
      </section>
    </>
  );
}
