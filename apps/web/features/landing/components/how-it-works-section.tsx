import { HashIcon, LockIcon, SkipForwardIcon } from 'lucide-react';
import { SectionHeading } from './section-heading';

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
