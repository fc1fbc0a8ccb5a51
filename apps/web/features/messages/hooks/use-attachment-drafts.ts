'use client';

import {
  ATTACHMENT_FILE_MAX_BYTES,
  ATTACHMENT_IMAGE_MAX_BYTES,
  ATTACHMENTS_PER_MESSAGE_MAX,
  type TAttachment,
} from '@guftagu/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UploadHandle } from '@/features/messages/upload';
import { errorMessage } from '@/lib/api';

export interface AttachmentDraft {
  localId: string;
  file: File;
  /** An object URL for image previews (revoked when the draft goes away). */
  previewUrl: string | null;
  progress: number;
  state: 'uploading' | 'done' | 'error';
  attachment: TAttachment | null;
  error: string | null;
}

export type UploadFile = (file: File, onProgress: (fraction: number) => void) => UploadHandle;

const IMAGE_TYPES = /^image\/(jpeg|png|webp|gif)$/;

/** The client-side check mirrors the server's limits so people learn about them before waiting. */
function rejectReason(file: File): string | null {
  if (file.size === 0) return `${file.name} is empty.`;
  const isImage = IMAGE_TYPES.test(file.type);
  const limit = isImage ? ATTACHMENT_IMAGE_MAX_BYTES : ATTACHMENT_FILE_MAX_BYTES;
  if (file.size > limit) return `${file.name} is larger than ${isImage ? '5 MB' : '25 MB'}.`;
  return null;
}

/**
 * Files picked for the next message: each uploads at once (one request per file, so each has its own
 * progress bar and can be retried or removed alone), and the message is sent with their ids.
 */
export function useAttachmentDrafts(upload: UploadFile, onReject: (message: string) => void) {
  const [drafts, setDrafts] = useState<AttachmentDraft[]>([]);
  const handles = useRef(new Map<string, UploadHandle>());
  const draftsRef = useRef(drafts);
  draftsRef.current = drafts;

  const patch = useCallback((localId: string, change: Partial<AttachmentDraft>) => {
    setDrafts((current) =>
      current.map((draft) => (draft.localId === localId ? { ...draft, ...change } : draft)),
    );
  }, []);

  const start = useCallback(
    (localId: string, file: File) => {
      const handle = upload(file, (progress) => patch(localId, { progress }));
      handles.current.set(localId, handle);
      handle.promise.then(
        ([attachment]) => {
          handles.current.delete(localId);
          patch(
            localId,
            attachment
              ? { state: 'done', attachment, progress: 1 }
              : { state: 'error', error: 'The upload did not go through.' },
          );
        },
        (error: unknown) => {
          handles.current.delete(localId);
          patch(localId, { state: 'error', error: errorMessage(error) });
        },
      );
    },
    [upload, patch],
  );

  const add = useCallback(
    (files: File[]) => {
      const room = ATTACHMENTS_PER_MESSAGE_MAX - draftsRef.current.length;
      if (files.length > room)
        onReject(`You can attach up to ${ATTACHMENTS_PER_MESSAGE_MAX} files to one message.`);
      const accepted: AttachmentDraft[] = [];
      for (const file of files.slice(0, Math.max(0, room))) {
        const reason = rejectReason(file);
        if (reason) {
          onReject(reason);
          continue;
        }
        accepted.push({
          localId: crypto.randomUUID(),
          file,
          previewUrl: IMAGE_TYPES.test(file.type) ? URL.createObjectURL(file) : null,
          progress: 0,
          state: 'uploading',
          attachment: null,
          error: null,
        });
      }
      if (accepted.length === 0) return;
      setDrafts((current) => [...current, ...accepted]);
      for (const draft of accepted) start(draft.localId, draft.file);
    },
    [onReject, start],
  );

  const remove = useCallback((localId: string) => {
    handles.current.get(localId)?.abort();
    handles.current.delete(localId);
    setDrafts((current) => {
      const gone = current.find((draft) => draft.localId === localId);
      if (gone?.previewUrl) URL.revokeObjectURL(gone.previewUrl);
      return current.filter((draft) => draft.localId !== localId);
    });
  }, []);

  const retry = useCallback(
    (localId: string) => {
      const draft = draftsRef.current.find((item) => item.localId === localId);
      if (!draft) return;
      patch(localId, { state: 'uploading', progress: 0, error: null });
      start(localId, draft.file);
    },
    [patch, start],
  );

  /** Forget the drafts after a send (the previews stay alive in the optimistic bubble until it is stored). */
  const clear = useCallback(() => {
    setDrafts([]);
  }, []);

  // Abort uploads and free previews when the composer goes away.
  useEffect(
    () => () => {
      for (const handle of handles.current.values()) handle.abort();
      for (const draft of draftsRef.current) if (draft.previewUrl) URL.revokeObjectURL(draft.previewUrl);
    },
    [],
  );

  const ready = drafts.every((draft) => draft.state === 'done');
  const attachments = drafts.flatMap((draft) => (draft.attachment ? [draft.attachment] : []));
  return { drafts, add, remove, retry, clear, ready, attachments };
}
