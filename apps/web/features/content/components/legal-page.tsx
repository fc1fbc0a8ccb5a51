import type { ReactNode } from 'react';

export interface LegalSection {
  id: string;
  title: string;
  body: ReactNode;
}

/** Long-form page (terms, privacy): a sticky table of contents beside readable prose. */
export function LegalPage({
  eyebrow,
  title,
  lead,
  updated,
  sections,
}: {
  eyebrow: string;
  title: string;
  lead: ReactNode;
  updated: string;
  sections: LegalSection[];
}) {
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-14 sm:px-6 sm:py-20">
      <header className="max-w-3xl animate-fade-up">
        <p className="text-micro font-semibold tracking-[0.14em] text-accent-fg uppercase">{eyebrow}</p>
        <h1 className="mt-4 text-display font-semibold text-fg">{title}</h1>
        <p className="mt-5 text-[17px] leading-relaxed text-fg-muted">{lead}</p>
        <p className="mt-4 text-sm text-fg-faint">Last updated {updated}</p>
      </header>

      <div className="mt-14 grid gap-12 lg:grid-cols-[14rem_1fr]">
        <nav aria-label="On this page" className="hidden lg:block">
          <div className="sticky top-24">
            <p className="text-micro font-semibold tracking-[0.08em] text-fg-faint uppercase">On this page</p>
            <ol className="mt-4 flex flex-col gap-2 border-l border-line">
              {sections.map((section) => (
                <li key={section.id}>
                  <a
                    href={`#${section.id}`}
                    className="-ml-px block border-l border-transparent py-0.5 pl-4 text-sm text-fg-subtle transition-colors hover:border-accent-bright hover:text-fg"
                  >
                    {section.title}
                  </a>
                </li>
              ))}
            </ol>
          </div>
        </nav>

        <article className="prose-guftagu max-w-3xl">
          {sections.map((section, index) => (
            <section
              key={section.id}
              id={section.id}
              aria-labelledby={`${section.id}-title`}
              className="scroll-mt-24"
            >
              <h2 id={`${section.id}-title`}>
                <span className="mr-3 text-fg-faint tabular">{String(index + 1).padStart(2, '0')}</span>
                {section.title}
              </h2>
              {section.body}
            </section>
          ))}
        </article>
      </div>
    </div>
  );
}
