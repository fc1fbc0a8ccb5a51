/** The day label between groups of messages ("Today", "Yesterday", "March 3"). */
export function DateSeparator({ label }: { label: string }) {
  return (
    <div className="sticky top-2 z-10 flex justify-center py-3" data-testid="date-separator">
      <span className="rounded-full border border-line bg-sunken/85 px-3 py-1 text-[11px] font-semibold tracking-wide text-fg-muted uppercase shadow-lift backdrop-blur-md">
        <span className="sr-only">Messages from </span>
        {label}
      </span>
    </div>
  );
}
