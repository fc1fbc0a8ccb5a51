/** The day label between groups of messages ("Today", "Yesterday", "March 3"). */
export function DateSeparator({ label }: { label: string }) {
  return (
    <div className="sticky top-2 z-10 flex justify-center py-3" data-testid="date-separator">
      <span className="rounded-full border border-white/[0.07] bg-ink-850/85 px-3 py-1 text-[11px] font-semibold tracking-wide text-ink-300 uppercase shadow-[0_6px_20px_-8px_rgb(0_0_0/0.8)] backdrop-blur-md">
        <span className="sr-only">Messages from </span>
        {label}
      </span>
    </div>
  );
}
