import { FlagIcon, HashIcon, MailIcon, ShieldIcon, VideoIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { Accordion } from '@/components/ui/accordion';
import { SAFETY_EMAIL, SUPPORT_EMAIL } from '@/lib/config';
import { FAQ, SAFETY_TIPS } from '../help-faq';

function Card({
  icon,
  title,
  children,
  href,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  href: string;
}) {
  return (
    <a
      href={href}
      className="card group flex flex-col rounded-3xl p-6 transition-colors hover:border-line-strong"
    >
      <span className="inline-flex size-10 items-center justify-center rounded-xl bg-fill text-accent-fg">
        {icon}
      </span>
      <span className="mt-5 font-display text-lg font-semibold text-fg">{title}</span>
      <span className="mt-1.5 text-sm text-fg-subtle">{children}</span>
    </a>
  );
}

/** The /help page: topic cards, the FAQ by topic, safety tips and how to reach a person. */
export function HelpCenter() {
  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-14 sm:px-6 sm:py-20">
      <header className="mx-auto max-w-2xl animate-fade-up text-center">
        <p className="text-micro font-semibold tracking-[0.14em] text-accent-fg uppercase">Help center</p>
        <h1 className="mt-4 text-display font-semibold text-fg">How can we help?</h1>
        <p className="mt-5 text-[17px] leading-relaxed text-fg-muted">
          Quick answers about signing in, video chat, your ID and staying safe. Still stuck? Our team reads
          every message.
        </p>
      </header>

      <div className="mt-14 grid gap-4 sm:grid-cols-3">
        <Card icon={<VideoIcon size={20} />} title="Video chat" href="#video-chat">
          Camera, microphone, matching and the Next button.
        </Card>
        <Card icon={<HashIcon size={20} />} title="Your account" href="#account-id">
          Signing in, your 7-digit ID and usernames.
        </Card>
        <Card icon={<ShieldIcon size={20} />} title="Safety" href="#safety-tips">
          Staying safe, reporting and blocking.
        </Card>
      </div>

      <div className="mt-20 flex flex-col gap-14">
        {FAQ.map((group) => (
          <section
            key={group.id}
            id={group.id}
            aria-labelledby={`${group.id}-title`}
            className="scroll-mt-24"
          >
            <h2 id={`${group.id}-title`} className="mb-5 text-heading font-semibold text-fg">
              {group.title}
            </h2>
            <Accordion items={group.items} />
          </section>
        ))}
      </div>

      <section id="safety-tips" aria-labelledby="safety-tips-title" className="mt-20 scroll-mt-24">
        <h2 id="safety-tips-title" className="text-heading font-semibold text-fg">
          Safety tips
        </h2>
        <ul className="mt-5 grid gap-4 sm:grid-cols-2">
          {SAFETY_TIPS.map((tip) => (
            <li key={tip.title} className="card rounded-3xl p-6">
              <h3 className="font-sans text-[15px] font-semibold text-fg">{tip.title}</h3>
              <p className="mt-2 text-sm leading-relaxed text-fg-subtle">{tip.body}</p>
            </li>
          ))}
        </ul>
      </section>

      <section id="report" aria-labelledby="report-title" className="mt-20 scroll-mt-24">
        <div className="card grid gap-8 rounded-[2rem] p-8 sm:p-10 md:grid-cols-2">
          <div>
            <span className="inline-flex size-10 items-center justify-center rounded-xl bg-danger/10 text-danger-fg">
              <FlagIcon size={20} />
            </span>
            <h2 id="report-title" className="mt-5 text-heading font-semibold text-fg">
              Report a user
            </h2>
            <p className="mt-2 text-sm leading-relaxed text-fg-subtle">
              Use the flag button during a conversation — it ends the chat immediately and sends the report to
              our moderators, who review every one. To report something that happened outside a conversation,
              email{' '}
              <a
                className="text-accent-fg underline-offset-4 hover:underline"
                href={`mailto:${SAFETY_EMAIL}`}
              >
                {SAFETY_EMAIL}
              </a>{' '}
              with the person’s 7-digit ID or username. If someone is in immediate danger, contact local
              emergency services first.
            </p>
          </div>
          <div>
            <span className="inline-flex size-10 items-center justify-center rounded-xl bg-accent/10 text-accent-fg">
              <MailIcon size={20} />
            </span>
            <h2 className="mt-5 text-heading font-semibold text-fg">Contact support</h2>
            <p className="mt-2 text-sm leading-relaxed text-fg-subtle">
              For anything else — account problems, bugs, feedback — write to{' '}
              <a
                className="text-accent-fg underline-offset-4 hover:underline"
                href={`mailto:${SUPPORT_EMAIL}`}
              >
                {SUPPORT_EMAIL}
              </a>
              . Include your 7-digit ID (never your sign-in code) and we’ll usually reply within two working
              days.
            </p>
          </div>
        </div>
      </section>
    </div>
  );
}
