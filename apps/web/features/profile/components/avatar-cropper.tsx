'use client';

import { ZoomInIcon, ZoomOutIcon } from 'lucide-react';
import {
  type KeyboardEvent,
  type PointerEvent,
  useCallback,
  useEffect,
  useRef,
  useState,
  type WheelEvent,
} from 'react';
import { Button } from '@/components/ui/button';
import { Modal, ModalClose } from '@/components/ui/modal';
import { Spinner } from '@/components/ui/spinner';
import { FormAlert } from '@/features/auth/components/auth-shell';
import { type Crop, clamp, coverScale, MAX_ZOOM, PREVIEW_SIZE, renderCrop } from '../avatar-image';

function CropImage({
  src,
  image,
  viewport,
  crop,
  size,
}: {
  src: string;
  image: HTMLImageElement;
  viewport: number;
  crop: Crop;
  size: number;
}) {
  const ratio = size / viewport;
  const scale = coverScale(image, viewport) * crop.zoom * ratio;
  return (
    // biome-ignore lint/performance/noImgElement: a local object URL being cropped, not a page image.
    <img
      src={src}
      alt=""
      draggable={false}
      className="pointer-events-none absolute top-1/2 left-1/2 max-w-none select-none"
      style={{
        width: image.naturalWidth * scale,
        height: image.naturalHeight * scale,
        transform: `translate(calc(-50% + ${crop.x * ratio}px), calc(-50% + ${crop.y * ratio}px))`,
      }}
    />
  );
}

/**
 * Square crop with drag (mouse, touch or arrow keys) and a zoom slider, shown through a round mask
 * like the avatar it becomes. "Use photo" hands back a compressed 400×400 image.
 */
export function AvatarCropper({
  file,
  onClose,
  onSave,
}: {
  file: File | null;
  onClose: () => void;
  onSave: (image: Blob) => Promise<void>;
}) {
  const [src, setSrc] = useState<string | null>(null);
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [crop, setCrop] = useState<Crop>({ zoom: 1, x: 0, y: 0 });
  const [viewport, setViewport] = useState(288);
  const [saving, setSaving] = useState(false);
  const drag = useRef<{ id: number; startX: number; startY: number; from: Crop } | null>(null);

  // Decode the chosen file.
  useEffect(() => {
    setImage(null);
    setProblem(null);
    setCrop({ zoom: 1, x: 0, y: 0 });
    if (!file) {
      setSrc(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setSrc(url);
    const element = new Image();
    element.decoding = 'async';
    element.src = url;
    let cancelled = false;
    element
      .decode()
      .then(() => {
        if (!cancelled) setImage(element);
      })
      .catch(() => {
        if (!cancelled) setProblem('We couldn’t read that image. Try a different file.');
      });
    return () => {
      cancelled = true;
      URL.revokeObjectURL(url);
    };
  }, [file]);

  // The crop square is responsive; keep its pixel size for the maths. (A ref callback, because the
  // square only exists while the dialog is open.)
  const frameRef = useCallback((frame: HTMLDivElement | null) => {
    if (!frame) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setViewport(entry.contentRect.width);
    });
    observer.observe(frame);
    return () => observer.disconnect();
  }, []);

  const update = useCallback(
    (next: Crop) => {
      if (image) setCrop(clamp(next, image, viewport));
    },
    [image, viewport],
  );

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { id: event.pointerId, startX: event.clientX, startY: event.clientY, from: crop };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start || start.id !== event.pointerId) return;
    update({
      zoom: start.from.zoom,
      x: start.from.x + event.clientX - start.startX,
      y: start.from.y + event.clientY - start.startY,
    });
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    const zoom = Math.min(MAX_ZOOM, Math.max(1, crop.zoom * (event.deltaY < 0 ? 1.06 : 1 / 1.06)));
    update({ ...crop, zoom });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 40 : 10;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      update({ ...crop, x: crop.x + move[0], y: crop.y + move[1] });
    } else if (event.key === '+' || event.key === '=') {
      update({ ...crop, zoom: Math.min(MAX_ZOOM, crop.zoom + 0.1) });
    } else if (event.key === '-') {
      update({ ...crop, zoom: Math.max(1, crop.zoom - 0.1) });
    }
  };

  const save = async () => {
    if (!image) return;
    setSaving(true);
    setProblem(null);
    try {
      await onSave(await renderCrop(image, viewport, crop));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'Something went wrong. Please try again.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={file !== null}
      onOpenChange={(open) => {
        if (!open && !saving) onClose();
      }}
      title="Crop your photo"
      description="Drag to reposition and use the slider to zoom. It’s shown to others as a circle."
      footer={
        <>
          <ModalClose asChild>
            <Button variant="ghost" disabled={saving}>
              Cancel
            </Button>
          </ModalClose>
          <Button onClick={save} loading={saving} disabled={!image} data-testid="avatar-save">
            Use photo
          </Button>
        </>
      }
    >
      <div className="flex flex-col items-center gap-5">
        <div
          ref={frameRef}
          className="relative aspect-square w-full max-w-72 touch-none overflow-hidden rounded-2xl border border-line bg-canvas select-none focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-focus"
          role="img"
          aria-label="Crop area. Drag, or use the arrow keys, to move the photo; plus and minus zoom."
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the crop area is operated with the arrow keys.
          tabIndex={0}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onWheel={onWheel}
          onKeyDown={onKeyDown}
          data-testid="avatar-crop-area"
          style={{ cursor: image ? 'grab' : undefined }}
        >
          {image && src ? (
            <>
              <CropImage src={src} image={image} viewport={viewport} crop={crop} size={viewport} />
              <div
                aria-hidden
                className="pointer-events-none absolute inset-0 rounded-full shadow-[0_0_0_999px_color-mix(in_srgb,var(--color-canvas)_62%,transparent)] ring-1 ring-line-bold"
              />
            </>
          ) : problem ? null : (
            <div className="absolute inset-0 flex items-center justify-center">
              <Spinner size={24} className="text-accent-fg" label="Loading image" />
            </div>
          )}
        </div>

        <div className="flex w-full max-w-72 items-center gap-3">
          <ZoomOutIcon size={18} className="shrink-0 text-fg-subtle" aria-hidden />
          <input
            type="range"
            min={1}
            max={MAX_ZOOM}
            step={0.01}
            value={crop.zoom}
            onChange={(event) => update({ ...crop, zoom: Number(event.target.value) })}
            disabled={!image}
            aria-label="Zoom"
            aria-valuetext={`${Math.round(crop.zoom * 100)}%`}
            className="h-1.5 w-full cursor-pointer accent-accent-bright"
            data-testid="avatar-zoom"
          />
          <ZoomInIcon size={18} className="shrink-0 text-fg-subtle" aria-hidden />
        </div>

        {image && src ? (
          <div className="flex items-center gap-3 self-stretch rounded-2xl border border-line bg-fill-subtle p-3">
            <span
              className="relative shrink-0 overflow-hidden rounded-full ring-1 ring-line-strong"
              style={{ width: PREVIEW_SIZE, height: PREVIEW_SIZE }}
            >
              <CropImage src={src} image={image} viewport={viewport} crop={crop} size={PREVIEW_SIZE} />
            </span>
            <p className="text-[13px] leading-relaxed text-fg-subtle">
              Preview. We resize it to 400×400 and compress it before uploading.
            </p>
          </div>
        ) : null}

        {problem ? <FormAlert>{problem}</FormAlert> : null}
      </div>
    </Modal>
  );
}
