import { type TAttachment, ZUploadResponse } from '@guftagu/contracts';
import { ApiError, UNREACHABLE_MESSAGE } from './errors.js';
import { buildUrl, errorFromResponse, type Transport } from './request.js';

export interface UploadHandle {
  promise: Promise<TAttachment[]>;
  abort: () => void;
}

/**
 * `POST /api/uploads` from a browser through XMLHttpRequest, because fetch cannot report upload
 * progress. `onProgress` receives 0–1. Failures become ApiError with the server's code (413 too large,
 * 415 wrong type…). Node callers use `ApiClient.uploadFiles`.
 */
export function uploadWithProgress(
  transport: Transport,
  files: File[],
  token: string | null,
  onProgress: (fraction: number) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<TAttachment[]>((resolve, reject) => {
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    xhr.open('POST', buildUrl(transport.baseUrl, '/api/uploads'));
    xhr.withCredentials = true;
    xhr.responseType = 'json';
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(ApiError.of(UNREACHABLE_MESSAGE, 'NETWORK_ERROR', 0));
    xhr.onabort = () => reject(ApiError.of('Upload cancelled.', 'NETWORK_ERROR', 0));
    xhr.onload = () => {
      const body: unknown = xhr.response;
      const ok = xhr.status >= 200 && xhr.status < 300;
      const failure = errorFromResponse(xhr.status, ok, body ?? {});
      if (failure) {
        reject(failure);
        return;
      }
      const parsed = ZUploadResponse.safeParse(body);
      if (!parsed.success) {
        reject(ApiError.of('The upload did not go through. Please try again.', 'BAD_RESPONSE', xhr.status));
        return;
      }
      onProgress(1);
      resolve(parsed.data.attachments);
    };
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
