'use client';

import { type TAttachment, ZErrorEnvelope, ZUploadResponse } from '@guftagu/contracts';
import { ApiError, apiUrl, UNREACHABLE_MESSAGE } from '@/lib/api';

export interface UploadHandle {
  promise: Promise<TAttachment[]>;
  abort: () => void;
}

/**
 * `POST /api/uploads` through XMLHttpRequest, because fetch cannot report upload progress. `onProgress`
 * receives 0–1. Failures become ApiError with the server's code (413 too large, 415 wrong type…).
 */
export function uploadAttachments(
  files: File[],
  token: string | null,
  onProgress: (fraction: number) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<TAttachment[]>((resolve, reject) => {
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    xhr.open('POST', apiUrl('/api/uploads'));
    xhr.withCredentials = true;
    xhr.responseType = 'json';
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(UNREACHABLE_MESSAGE, 'NETWORK_ERROR', 0));
    xhr.onabort = () => reject(new ApiError('Upload cancelled.', 'NETWORK_ERROR', 0));
    xhr.onload = () => {
      const body: unknown = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = ZUploadResponse.safeParse(body);
        if (parsed.success) {
          onProgress(1);
          resolve(parsed.data.attachments);
          return;
        }
      }
      const envelope = ZErrorEnvelope.safeParse(body);
      if (envelope.success) {
        const { error, code, details } = envelope.data;
        reject(new ApiError(error, code, xhr.status, details));
      } else if (xhr.status === 413) {
        reject(new ApiError('That file is too large.', 'PAYLOAD_TOO_LARGE', 413));
      } else {
        reject(new ApiError('The upload did not go through. Please try again.', 'BAD_RESPONSE', xhr.status));
      }
    };
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
