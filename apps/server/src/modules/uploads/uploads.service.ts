import { ATTACHMENTS_PER_MESSAGE_MAX, type TAttachment } from '@guftagu/contracts';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { ObjectStorage } from '../../platform/storage/storage.js';
import { type Executor, findByMessageIds, lockAttachments, setMessageId } from './uploads.repo.js';
import type { AttachmentRow } from './uploads.schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface UploadsServiceDeps {
  db: Database;
  storage: ObjectStorage;
}

/**
 * Attachments for messages. Files are uploaded first, then claimed by exactly one message of their
 * uploader inside the messaging module's transaction.
 */
export class UploadsService {
  constructor(private readonly deps: UploadsServiceDeps) {}

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
    return ordered.map((row) => this.toAttachment({ ...row, messageId }));
  }

  /** Attachments of each message, in the order the sender attached them. */
  async listForMessages(db: Executor, messageIds: string[]): Promise<Map<string, TAttachment[]>> {
    const result = new Map<string, TAttachment[]>();
    const rows = await findByMessageIds(db, [...new Set(messageIds)]);
    for (const row of rows) {
      if (!row.messageId) continue;
      const list = result.get(row.messageId) ?? [];
      list.push(this.toAttachment(row));
      result.set(row.messageId, list);
    }
    return result;
  }
}
