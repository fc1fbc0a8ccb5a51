'use client';

import { FileIcon, RefreshCwIcon, XIcon } from 'lucide-react';
import { formatBytes } from '@/features/messages/format';
import type { AttachmentDraft } from '@/features/messages/hooks/use-attachment-drafts';
import { cn } from '@/lib/utils';

/** Previews of the files picked for the next message, each with its upload progress. */
export function AttachmentTray({
  drafts,
  onRemove,
  onRetry,
}: {
  drafts: AttachmentDraft[];
  onRemove: (localId: string) => void;
  onRetry: (localId: string) => void;
}) {
  if (drafts.length === 0) return null;
  return (
    <ul
      className="flex gap-2 overflow-x-auto px-1 pt-1 pb-2"
      aria-label="Attachments"
      data-testid="attachment-tray"
    >
      {drafts.map((draft) => (
        <li
          key={draft.localId}
          className={cn(
            'group relative flex h-20 shrink-0 overflow-hidden rounded-xl border bg-raised',
            draft.state === 'error' ? 'border-danger-bright/50' : 'border-line',
            draft.previewUrl ? 'w-20' : 'w-44',
          )}
          data-testid="attachment-draft"
          data-state={draft.state}
        >
          {draft.previewUrl ? (
            // biome-ignore lint/performance/noImgElement: a local object URL preview; next/image cannot optimise blobs.
            <img src={draft.previewUrl} alt={draft.file.name} className="size-full object-cover" />
          ) : (
            <div className="flex min-w-0 items-center gap-2 px-3">
              <FileIcon aria-hidden size={22} className="shrink-0 text-accent-fg" />
              <div className="min-w-0">
                <p className="truncate text-xs font-medium text-fg">{draft.file.name}</p>
                <p className="text-[11px] text-fg-subtle">{formatBytes(draft.file.size)}</p>
              </div>
            </div>
          )}
          {draft.state === 'uploading' ? (
            <div className="absolute inset-x-2 bottom-2 h-1 overflow-hidden rounded-full bg-canvas/50">
              <div
                role="progressbar"
                aria-label={`Uploading ${draft.file.name}`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(draft.progress * 100)}
                className="h-full rounded-full bg-accent-bright transition-[width] duration-150"
                style={{ width: `${Math.max(4, draft.progress * 100)}%` }}
              />
            </div>
          ) : null}
          {draft.state === 'error' ? (
            <button
              type="button"
              onClick={() => onRetry(draft.localId)}
              className="absolute inset-0 flex flex-col items-center justify-center gap-1 bg-canvas/75 text-[11px] font-medium text-danger-fg"
              title={draft.error ?? undefined}
              aria-label={`Retry uploading ${draft.file.name}: ${draft.error ?? 'failed'}`}
            >
              <RefreshCwIcon aria-hidden size={16} /> Retry
            </button>
          ) : null}
          <button
            type="button"
            onClick={() => onRemove(draft.localId)}
            className="absolute top-1 right-1 inline-flex size-6 items-center justify-center rounded-full bg-canvas/80 text-fg opacity-90 transition-opacity hover:bg-canvas hover:opacity-100"
            aria-label={`Remove ${draft.file.name}`}
          >
            <XIcon aria-hidden size={13} />
          </button>
        </li>
      ))}
    </ul>
  );
}
