import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertSafeKey, type ObjectStorage } from './storage.js';

export const LOCAL_UPLOADS_PREFIX = '/uploads/';

export class LocalStorage implements ObjectStorage {
  readonly kind = 'local' as const;

  constructor(readonly root: string) {}

  async put(key: string, body: Buffer): Promise<void> {
    assertSafeKey(key);
    const file = path.join(this.root, key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, body);
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    await rm(path.join(this.root, key), { force: true });
  }

  publicUrl(key: string): string {
    return `${LOCAL_UPLOADS_PREFIX}${key}`;
  }

  keyFromUrl(url: string): string | undefined {
    return url.startsWith(LOCAL_UPLOADS_PREFIX) ? url.slice(LOCAL_UPLOADS_PREFIX.length) : undefined;
  }
}
