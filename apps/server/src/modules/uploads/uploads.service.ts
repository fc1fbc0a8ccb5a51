import { ATTACHMENTS_PER_MESSAGE_MAX, type TAttachment } from '@guftagu/contracts';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { KeyValueStore } from '../../platform/kv/kv.js';
import type { RateLimiter, RateLimitRule } from '../../platform/kv/rate-limit.js';
import type { Logger } from '../../platform/logger.js';
import type { ObjectStorage } from '../../platform/storage/storage.js';
import { storeFiles } from './store-files.js';
import type { IncomingFile } from './upload-intake.js';
import { ByteQuota, type ByteQuotaRule, type QuotaCharge } from './upload-quota.js';
import { type UploadConcurrency, UploadSlots } from './upload-slots.js';
import {
  deleteByMessageIds,
  deleteUnclaimedBefore,
  type Executor,
  findByMessageIds,
  findByStorageKey,
  insertAttachments,
  lockAttachments,
  setMessageId,
} from './uploads.repo.js';
import type { AttachmentRow } from './uploads.schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An upload nobody attached to a message within a day is abandoned (a closed tab, a cancelled send). */
export const UNCLAIMED_TTL_MS = 24 * 3_600_000;
const SWEEP_BATCH = 500;
/** What a request turned away for want of a free slot is told to wait; uploads take seconds. */
const BUSY_RETRY_AFTER_SECONDS = 5;
const MB = 1024 * 1024;

const objectKeys = (rows: AttachmentRow[]): string[] =>
  rows.flatMap((row) => (row.thumbnailKey ? [row.storageKey, row.thumbnailKey] : [row.storageKey]));

export interface UploadsServiceDeps {
  db: Database;
  storage: ObjectStorage;
  limiter: RateLimiter;
  /** Upload requests per user per window. */
  rateLimit: RateLimitRule;
  /** The shared store the byte quota is counted in, so it holds across app nodes. */
  kv: KeyValueStore;
  /** Stored bytes per user per rolling window. */
  byteQuota: ByteQuotaRule;
  /** Upload requests in progress at once, per user and on this node. */
  concurrency: UploadConcurrency;
  logger: Logger;
}

/** What the file route needs to serve a stored object with the right headers. */
export interface ServedObject {
  kind: 'image' | 'file';
  mime: string;
  name: string;
}

/**
 * Attachments for messages. Files are uploaded first (`upload`), then claimed by exactly one message
 * of their uploader inside the messaging module's transaction (`claimForMessage`).
 */
export class UploadsService {
  private readonly quota: ByteQuota;
  private readonly slots: UploadSlots;

  constructor(private readonly deps: UploadsServiceDeps) {
    this.quota = new ByteQuota(deps.kv, deps.byteQuota);
    this.slots = new UploadSlots(deps.concurrency);
  }

  toAttachment(row: AttachmentRow): TAttachment {
    return {
      id: row.id,
      kind: row.kind,
      url: this.deps.storage.publicUrl(row.storageKey),
      thumbnailUrl: row.thumbnailKey ? this.deps.storage.publicUrl(row.thumbnailKey) : null,
      mimeType: row.mime,
      size: row.size,
      name: row.name,
      width: row.width,
      height: row.height,
    };
  }

  /**
   * Validates, converts and stores every file of one request, then records them in one insert. All or
   * nothing: on any failure (a bad file, storage down, the client hanging up) the objects already
   * written are deleted and no row exists, so nothing half-uploaded is ever visible.
   */
  async upload(ownerId: string, files: AsyncIterable<IncomingFile>): Promise<TAttachment[]> {
    // The slot is taken first, so a request turned away here costs neither rate nor quota.
    const slot = this.slots.tryAcquire(ownerId);
    if (!slot.acquired)
      throw new AppError(
        'RATE_LIMITED',
        slot.reason === 'user'
          ? 'Wait for your other uploads to finish, then try again.'
          : 'Too many uploads are in progress right now. Try again in a moment.',
        { retryAfter: BUSY_RETRY_AFTER_SECONDS },
      );
    try {
      return await this.uploadInSlot(ownerId, files);
    } finally {
      slot.release();
    }
  }

  /** Upload requests in progress on this node, of `userId` or of everyone. */
  uploadsInProgress(userId?: string): number {
    return this.slots.count(userId);
  }

  private quotaError(retryAfter: number): AppError {
    return new AppError(
      'RATE_LIMITED',
      `You can upload at most ${formatBytes(this.deps.byteQuota.limit)} per ${formatWindow(this.deps.byteQuota.windowSeconds)}. Try again later.`,
      { retryAfter, limit: this.deps.byteQuota.limit },
    );
  }

  private async uploadInSlot(ownerId: string, files: AsyncIterable<IncomingFile>): Promise<TAttachment[]> {
    const allowed = await this.deps.limiter.hit(`uploads:user:${ownerId}`, this.deps.rateLimit);
    if (!allowed.allowed)
      throw new AppError('RATE_LIMITED', 'You are uploading too fast. Wait a moment and try again.', {
        retryAfter: allowed.retryAfter,
      });
    const exhausted = await this.quota.exhausted(ownerId);
    if (exhausted !== undefined) throw this.quotaError(exhausted);
    const written: string[] = [];
    const charges: QuotaCharge[] = [];
    const reserve = async (bytes: number) => {
      const result = await this.quota.charge(ownerId, bytes);
      if (!result.allowed) throw this.quotaError(result.retryAfter);
      charges.push(result.charge);
    };
    try {
      const prepared = await storeFiles(files, this.deps.storage, written, reserve);
      if (prepared.length === 0)
        throw new AppError('VALIDATION_ERROR', 'Attach at least one file in the "files" field.', {
          field: 'files',
        });
      const rows = await insertAttachments(
        this.deps.db,
        prepared.map((file) => ({
          id: newId(),
          ownerId,
          kind: file.kind,
          mime: file.mime,
          size: file.file.body.length,
          name: file.name,
          storageKey: file.file.key,
          thumbnailKey: file.thumbnail?.key ?? null,
          width: file.width,
          height: file.height,
        })),
      );
      return rows.map((row) => this.toAttachment(row));
    } catch (error) {
      // Nothing of a failed upload is kept, so none of it counts against the quota either.
      await Promise.all([
        this.deleteObjects(written),
        this.quota
          .refund(charges)
          .catch((refundError) =>
            this.deps.logger.warn({ err: refundError }, 'could not refund upload quota'),
          ),
      ]);
      throw error;
    }
  }

  private async deleteObjects(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) =>
        this.deps.storage
          .delete(key)
          .catch((error) => this.deps.logger.warn({ err: error, key }, 'could not delete an upload object')),
      ),
    );
  }

  /**
   * Attaches the given uploads to `messageId`, in the caller's transaction. All or nothing: a missing
   * id is NOT_FOUND, another user's upload is NOT_FOUND too (its existence is not revealed), and an
   * upload already on a message is CONFLICT. The rows are locked, so of two concurrent claims of the
   * same upload exactly one commits; the other waits and then sees the claim.
   */
  async claimForMessage(
    tx: Executor,
    ownerId: string,
    attachmentIds: string[],
    messageId: string,
  ): Promise<TAttachment[]> {
    if (attachmentIds.length === 0) return [];
    if (!attachmentIds.every((id) => UUID.test(id)) || attachmentIds.length > ATTACHMENTS_PER_MESSAGE_MAX)
      throw new AppError('VALIDATION_ERROR', 'Those attachments are not valid.', { field: 'attachmentIds' });
    if (new Set(attachmentIds).size !== attachmentIds.length)
      throw new AppError('VALIDATION_ERROR', 'An attachment can only be added to a message once.', {
        field: 'attachmentIds',
      });
    // Locking in id order means two claims of overlapping sets can never deadlock.
    const rows = await lockAttachments(tx, [...attachmentIds].sort());
    const byId = new Map(rows.map((row) => [row.id, row]));
    const ordered: AttachmentRow[] = [];
    for (const id of attachmentIds) {
      const row = byId.get(id);
      if (!row || row.ownerId !== ownerId)
        throw new AppError('NOT_FOUND', 'That attachment no longer exists. Upload it again.', { id });
      if (row.messageId !== null)
        throw new AppError('CONFLICT', 'That attachment is already part of another message.', { id });
      ordered.push(row);
    }
    await setMessageId(tx, attachmentIds, messageId);
    return ordered.map((row) => this.toAttachment(row));
  }

  /** Attachments of each message, in the order the sender attached them. */
  async listForMessages(db: Executor, messageIds: string[]): Promise<Map<string, TAttachment[]>> {
    const result = new Map<string, TAttachment[]>();
    const ids = [...new Set(messageIds)].filter((id) => UUID.test(id));
    for (const row of await findByMessageIds(db, ids)) {
      if (!row.messageId) continue;
      const list = result.get(row.messageId) ?? [];
      list.push(this.toAttachment(row));
      result.set(row.messageId, list);
    }
    return result;
  }

  /**
   * Removes the attachments of messages deleted for everyone: rows, then objects, so their URLs stop
   * working too. Call it after the deleting transaction has committed (a rollback must not lose files).
   */
  async purgeForMessages(messageIds: string[]): Promise<number> {
    const ids = [...new Set(messageIds)].filter((id) => UUID.test(id));
    const rows = await deleteByMessageIds(this.deps.db, ids);
    await this.deleteObjects(objectKeys(rows));
    return rows.length;
  }

  /** Name and type for serving a stored object; undefined once it was swept or never existed. */
  async findServedObject(key: string): Promise<ServedObject | undefined> {
    const row = await findByStorageKey(this.deps.db, key);
    if (!row) return undefined;
    // The thumbnail of an image is an image too, named after it.
    return { kind: row.kind, mime: row.mime, name: row.name };
  }

  /**
   * Deletes uploads never attached to a message within a day, rows first and then their objects (an
   * object left behind by a failed delete is unreachable garbage, never a broken message). Idempotent,
   * so every node may run it. Returns how many were removed.
   */
  async sweepUnclaimed(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - UNCLAIMED_TTL_MS);
    let removed = 0;
    for (;;) {
      const rows = await deleteUnclaimedBefore(this.deps.db, before, SWEEP_BATCH);
      await this.deleteObjects(objectKeys(rows));
      removed += rows.length;
      if (rows.length < SWEEP_BATCH) return removed;
    }
  }
}

function formatBytes(bytes: number): string {
  return bytes >= MB ? `${Math.floor(bytes / MB)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function formatWindow(seconds: number): string {
  if (seconds % 86_400 === 0) return seconds === 86_400 ? 'day' : `${seconds / 86_400} days`;
  if (seconds % 3600 === 0) return seconds === 3600 ? 'hour' : `${seconds / 3600} hours`;
  return `${seconds} seconds`;
}
