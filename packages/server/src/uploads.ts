/**
 * Which user owns which upload, for `upload.cancel`. The reference service stores no uploads
 * itself: an upload becomes known when the service tells a user about it, and that is the
 * record `upload.cancel` is checked against.
 *
 * - An `upload.progress`, `upload.completed`, `upload.error` or `upload.cancelled` sent to one
 *   user (the admin endpoint's `to: {user}`) makes the upload that user's. The first one names the
 *   owner: a later notification to another user changes nothing.
 * - `upload.completed`, `upload.error` and `upload.cancelled` finish it; `upload.progress` keeps
 *   it running (and its record alive).
 * - `upload.cancel` succeeds only for a running upload of the requesting user, and finishes it:
 *   of two cancels at once, on any instances, one succeeds. Anything else is refused alike
 *   (`FORBIDDEN`), so the answer does not tell whether the id exists.
 *
 * Records are broker records (`upload:<id>`), so every instance sees them, and live for
 * `ttlMs` after the last notification.
 */
import type { Broker } from '@switchboard/runtime/server';

/** How long an upload is remembered after its last notification. */
export const DEFAULT_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

/** The notifications that tell a user about an upload (they all carry `data.upload_id`). */
const UPLOAD_NOTIFICATIONS: ReadonlySet<string> = new Set(['upload.progress', 'upload.completed', 'upload.error', 'upload.cancelled']);

interface UploadRecord {
  readonly owner: string;
  readonly running: boolean;
}

export class UploadLedger {
  constructor(
    private readonly broker: Broker,
    private readonly ttlMs: number = DEFAULT_UPLOAD_TTL_MS,
  ) {}

  /** Records what a notification of `type` with `data`, sent to the user `userId`, says about an upload. */
  async noted(userId: string, type: string, data: unknown): Promise<void> {
    if (!UPLOAD_NOTIFICATIONS.has(type)) return;
    const uploadId = (data as { readonly upload_id?: unknown } | null)?.upload_id;
    if (typeof uploadId !== 'string') return;
    const next = encode({ owner: userId, running: type === 'upload.progress' });
    // Compare and set, retried: a cancel between the read and the write must not be undone.
    for (;;) {
      const held = await this.broker.putRecordIfAbsent(key(uploadId), next, this.ttlMs);
      if (held === null) return;
      const record = decode(held);
      if (record.owner !== userId) return;
      const value = record.running ? next : held; // a finished upload stays finished
      if (await this.broker.replaceRecord(key(uploadId), held, value, this.ttlMs)) return;
    }
  }

  /** Finishes the upload if it is `userId`'s and running; resolves whether it did. */
  async cancel(userId: string, uploadId: string): Promise<boolean> {
    const held = await this.broker.getRecord(key(uploadId));
    if (held === null) return false;
    const record = decode(held);
    if (record.owner !== userId || !record.running) return false;
    return this.broker.replaceRecord(key(uploadId), held, encode({ owner: userId, running: false }), this.ttlMs);
  }
}

function key(uploadId: string): string {
  return `upload:${uploadId}`;
}

function encode(record: UploadRecord): string {
  return JSON.stringify(record);
}

function decode(value: string): UploadRecord {
  const parsed: unknown = JSON.parse(value);
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`malformed upload record: ${value.slice(0, 80)}`);
  const { owner, running } = parsed as Record<string, unknown>;
  if (typeof owner !== 'string' || typeof running !== 'boolean') throw new Error(`malformed upload record: ${value.slice(0, 80)}`);
  return { owner, running };
}
