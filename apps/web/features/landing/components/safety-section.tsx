import { BadgeCheckIcon, EyeOffIcon, FlagIcon, GlobeIcon } from 'lucide-react';
import { SectionHeading } from './section-heading';

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
