'use client';

import type { TAttachment } from '@guftagu/contracts';
import * as Dialog from '@radix-ui/react-dialog';
import { ArrowLeftIcon, ArrowRightIcon, DownloadIcon, XIcon } from 'lucide-react';

/** A full-screen image viewer; arrow keys move between the message's images, Escape closes. */
export function Lightbox({
  images,
  index,
  onIndexChange,
  onClose,
}: {
  images: TAttachment[];
  index: number | null;
  onIndexChange: (index: number) => void;
  onClose: () => void;
}) {
  const image = index === null ? undefined : images[index];
  const go = (step: number) => {
    if (index === null || images.length < 2) return;
    onIndexChange((index + step + images.length) % images.length);
  };
  return (
    <Dialog.Root open={image !== undefined} onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-canvas/92 backdrop-blur-md data-[state=open]:animate-overlay-in" />
        <Dialog.Content
          className="fixed inset-0 z-50 flex flex-col focus:outline-none data-[state=open]:animate-scale-in"
          aria-describedby={undefined}
          onKeyDown={(event) => {
            if (event.key === 'ArrowRight') go(1);
            else if (event.key === 'ArrowLeft') go(-1);
          }}
          data-testid="lightbox"
        >
          <div className="flex items-center gap-3 px-4 py-3">
            <Dialog.Title className="min-w-0 flex-1 truncate text-sm font-medium text-fg">
              {image?.name ?? 'Image'}
              {images.length > 1 && index !== null ? (
                <span className="ml-2 text-fg-subtle">
                  {index + 1} of {images.length}
                </span>
              ) : null}
            </Dialog.Title>
            {image ? (
              <a
                href={image.url}
                download={image.name}
                className="inline-flex size-10 items-center justify-center rounded-xl text-fg-soft hover:bg-fill-strong hover:text-on-media"
                aria-label="Download image"
              >
                <DownloadIcon aria-hidden size={20} />
              </a>
            ) : null}
            <Dialog.Close
              className="inline-flex size-10 items-center justify-center rounded-xl text-fg-soft hover:bg-fill-strong hover:text-on-media"
              aria-label="Close image"
            >
              <XIcon aria-hidden size={20} />
            </Dialog.Close>
          </div>
          <div className="relative flex min-h-0 flex-1 items-center justify-center px-4 pb-6">
            {image ? (
              // biome-ignore lint/performance/noImgElement: attachment URLs are served by our API with their own caching.
              <img
                src={image.url}
                alt={image.name}
                className="max-h-full max-w-full rounded-xl object-contain shadow-modal"
              />
            ) : null}
            {images.length > 1 ? (
              <>
                <button
                  type="button"
                  onClick={() => go(-1)}
                  className="absolute left-3 inline-flex size-11 items-center justify-center rounded-full bg-raised/80 text-fg hover:bg-elevated"
                  aria-label="Previous image"
                >
                  <ArrowLeftIcon aria-hidden size={20} />
                </button>
                <button
                  type="button"
                  onClick={() => go(1)}
                  className="absolute right-3 inline-flex size-11 items-center justify-center rounded-full bg-raised/80 text-fg hover:bg-elevated"
                  aria-label="Next image"
                >
                  <ArrowRightIcon aria-hidden size={20} />
                </button>
              </>
            ) : null}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
