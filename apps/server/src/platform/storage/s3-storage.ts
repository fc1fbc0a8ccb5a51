import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import { AppError } from '../errors.js';
import { assertSafeKey, type ObjectStorage } from './storage.js';

export interface S3Options {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Public base URL of the bucket (CDN or bucket website); defaults to the path-style endpoint URL. */
  publicUrl?: string;
  fetch?: typeof fetch;
}

/**
 * Any S3-compatible store (AWS, R2, MinIO) through path-style requests signed with SigV4. No ACLs are
 * sent: public read is a bucket policy, as modern buckets refuse per-object ACLs.
 */
export class S3Storage implements ObjectStorage {
  readonly kind = 's3' as const;
  private readonly client: AwsClient;
  private readonly base: string;
  private readonly publicBase: string;

  constructor(private readonly options: S3Options) {
    this.client = new AwsClient({
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      region: options.region,
      service: 's3',
    });
    this.base = `${options.endpoint.replace(/\/$/, '')}/${options.bucket}`;
    this.publicBase = (options.publicUrl ?? this.base).replace(/\/$/, '');
  }

  private async send(
    method: 'PUT' | 'DELETE',
    key: string,
    body?: Buffer,
    contentType?: string,
  ): Promise<void> {
    assertSafeKey(key);
    // The payload hash is signed (not UNSIGNED-PAYLOAD), so the store rejects a body altered in transit.
    const payloadHash = createHash('sha256')
      .update(body ?? '')
      .digest('hex');
    const request = await this.client.sign(`${this.base}/${key}`, {
      method,
      headers: {
        'x-amz-content-sha256': payloadHash,
        ...(body ? { 'content-type': contentType ?? 'application/octet-stream' } : {}),
      },
      ...(body ? { body } : {}),
    });
    const response = await (this.options.fetch ?? fetch)(request).catch(() => undefined);
    if (!response || (!response.ok && !(method === 'DELETE' && response.status === 404))) {
      throw new AppError('SERVICE_UNAVAILABLE', 'File storage is unavailable. Please try again.', {
        status: response?.status ?? 0,
      });
    }
  }

  put(key: string, body: Buffer, contentType: string): Promise<void> {
    return this.send('PUT', key, body, contentType);
  }

  delete(key: string): Promise<void> {
    return this.send('DELETE', key);
  }

  publicUrl(key: string): string {
    return `${this.publicBase}/${key}`;
  }

  keyFromUrl(url: string): string | undefined {
    return url.startsWith(`${this.publicBase}/`) ? url.slice(this.publicBase.length + 1) : undefined;
  }
}
