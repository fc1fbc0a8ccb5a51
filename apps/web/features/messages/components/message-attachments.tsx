import type { TAttachment } from '@guftagu/contracts';
import { DownloadIcon, FileIcon } from 'lucide-react';
import { formatBytes } from '@/features/messages/format';
import { cn } from '@/lib/utils';

/** Images as a tappable grid (opening the lightbox), other files as download rows. */
export function MessageAttachments({
  attachments,
  mine,
  onOpenImage,
}: {
  attachments: TAttachment[];
  mine: boolean;
  onOpenImage: (attachment: TAttachment) => void;
}) {
  const images = attachments.filter((item) => item.kind === 'image');
  const files = attachments.filter((item) => item.kind !== 'image');
  return (
    <div className="flex flex-col gap-1.5">
      {images.length > 0 ? (
        <div className={cn('grid gap-1', images.length > 1 ? 'grid-cols-2' : 'grid-cols-1')}>
          {images.map((image) => {
            const ratio = image.width && image.height ? image.width / image.height : 4 / 3;
            return (
              <button
                key={image.id}
                type="button"
                onClick={() => onOpenImage(image)}
                className="group/image relative overflow-hidden rounded-xl bg-canvas/20"
                style={
                  images.length === 1
                    ? { aspectRatio: String(Math.min(Math.max(ratio, 0.6), 1.9)) }
                    : undefined
                }
                aria-label={`Open image ${image.name}`}
                data-testid="message-image"
              >
                {/* biome-ignore lint/performance/noImgElement: attachment URLs are served by our API, not next/image. */}
                <img
                  src={image.thumbnailUrl ?? image.url}
                  alt={image.name}
                  loading="lazy"
                  className={cn(
                    'size-full object-cover transition-transform duration-300 group-hover/image:scale-[1.02]',
                    images.length > 1 && 'aspect-square',
                  )}
                />
              </button>
            );
          })}
        </div>
      ) : null}
      {files.map((file) => (
        <a
          key={file.id}
          href={file.url}
          download={file.name}
          className={cn(
            'flex min-w-0 items-center gap-2.5 rounded-xl px-2.5 py-2 transition-colors',
            mine ? 'bg-fill-strong hover:bg-fill-bold' : 'bg-canvas/20 hover:bg-canvas/30',
          )}
          data-testid="message-file"
        >
          <span
            className={cn(
              'inline-flex size-9 shrink-0 items-center justify-center rounded-lg',
              mine ? 'bg-fill-bold text-on-accent' : 'bg-accent/15 text-accent-fg',
            )}
          >
            <FileIcon aria-hidden size={18} />
          </span>
          <span className="min-w-0 flex-1">
            <span className="block truncate text-[13px] font-medium">{file.name}</span>
            <span className={cn('block text-[11px]', mine ? 'text-on-accent/70' : 'text-fg-subtle')}>
              {formatBytes(file.size)}
            </span>
          </span>
          <DownloadIcon aria-hidden size={16} className="shrink-0 opacity-70" />
        </a>
      ))}
    </div>
  );
}
