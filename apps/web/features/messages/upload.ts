'use client';

import { type UploadHandle, uploadWithProgress } from '@guftagu/sdk';
import { API_BASE_URL } from '@/lib/config';

export type { UploadHandle };

/** `POST /api/uploads` with progress (0–1), through the SDK. */
export function uploadAttachments(
  files: File[],
  token: string | null,
  onProgress: (fraction: number) => void,
): UploadHandle {
  return uploadWithProgress({ baseUrl: API_BASE_URL }, files, token, onProgress);
}
