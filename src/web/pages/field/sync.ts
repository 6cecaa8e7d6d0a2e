/**
 * The sync queue of the field form: check-ins, photos and submits wait in IndexedDB and are sent in
 * order when the browser is online (navigator.onLine, the 'online' event, retries with backoff). Every
 * request carries the op's Idempotency-Key and the same body on every attempt, so a replay never
 * duplicates anything on the server. Refusals (4xx) stop the inspection's queue until the user retries.
 */
import type { Bilingual } from '../../../common/enums';
import type { CheckInResult, InspectionDetail } from '../../../common/contracts/inspections';
import { ApiError, NETWORK_ERROR, cookieCsrfToken, fetchCsrfToken } from '../../api/client';
import { fieldDb, type FieldStore } from './offline-db';
import { backoffMs, retryable, submitBody, type QueueOp } from './queue-logic';

type Listener = () => void;

async function send(method: string, url: string, key: string, body: BodyInit, contentType: string, retried = false): Promise<unknown> {
  const csrf = await cookieCsrfToken();
  let res: Response;
  try {
    res = await fetch(url, { method, credentials: 'same-origin', headers: { 'content-type': contentType, 'x-csrf-token': csrf, 'idempotency-key': key, accept: 'application/json' }, body });
  } catch {
    throw new ApiError(0, { code: 'network_error', message: NETWORK_ERROR });
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  if (!res.ok) {
    const b = json as { code?: string; message?: Bilingual; field?: string } | null;
    const err = new ApiError(res.status, b?.code && b.message ? { code: b.code, message: b.message, field: b.field } : { code: `http_${res.status}`, message: { zh: `服务器错误 ${res.status}`, en: `Server error ${res.status}` } });
    if (res.status === 403 && err.code.includes('csrf') && !retried) {
      await fetchCsrfToken();
      return send(method, url, key, body, contentType, true);
    }
    throw err;
  }
  return json;
}

export class SyncQueue {
  private listeners = new Set<Listener>();
  private running = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The inspection whose op is being sent. */
  syncing: string | null = null;
  online = typeof navigator === 'undefined' ? true : navigator.onLine;

  constructor(private readonly userId: string) {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  dispose() {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    if (this.timer) clearTimeout(this.timer);
  }

  private onOnline = () => {
    this.online = true;
    this.emit();
    void this.run(true);
  };
  private onOffline = () => {
    this.online = false;
    this.emit();
  };

  db(): Promise<FieldStore> {
    return fieldDb(this.userId);
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  emit() {
    for (const l of this.listeners) l();
  }

  async ops(inspectionId?: string): Promise<QueueOp[]> {
    const db = await this.db();
    return inspectionId ? db.getAllFromIndex('queue', 'inspectionId', inspectionId) : db.getAll('queue');
  }

  async enqueue(op: Omit<QueueOp, 'attempts' | 'nextAt' | 'state' | 'key'>): Promise<void> {
    const db = await this.db();
    await db.add('queue', { ...op, key: crypto.randomUUID(), attempts: 0, nextAt: 0, state: 'pending' });
    this.emit();
    void this.run();
  }

  /** Lets the failed ops of an inspection go again, rebuilt from the current draft under new keys. */
  async retry(inspectionId: string): Promise<void> {
    const db = await this.db();
    for (const op of await db.getAllFromIndex('queue', 'inspectionId', inspectionId)) {
      await db.put('queue', { ...op, state: 'pending', attempts: 0, nextAt: 0, error: undefined, ...(op.state === 'failed' ? { body: undefined, key: crypto.randomUUID() } : {}) });
    }
    this.emit();
    void this.run(true);
  }

  /** Sends the ops in order until the queue is empty, the network is gone, or an op must wait. */
  async run(force = false): Promise<void> {
    if (this.running) return;
    this.online = navigator.onLine;
    if (!this.online) return;
    this.running = true;
    try {
      const db = await this.db();
      for (;;) {
        const all = (await db.getAll('queue')).sort((a, b) => a.seq! - b.seq!);
        const blocked = new Set(all.filter((o) => o.state === 'failed').map((o) => o.inspectionId));
        const next = all.find((o) => o.state === 'pending' && !blocked.has(o.inspectionId));
        if (!next) break;
        if (!force && next.nextAt > Date.now()) {
          this.schedule(next.nextAt - Date.now());
          break;
        }
        this.syncing = next.inspectionId;
        this.emit();
        try {
          await this.perform(db, next);
          await db.delete('queue', next.seq!);
        } catch (e) {
          const err = e instanceof ApiError ? e : new ApiError(0, { code: 'client_error', message: { zh: String(e), en: String(e) } });
          if (retryable(err.status)) {
            const attempts = next.attempts + 1;
            await db.put('queue', { ...next, attempts, nextAt: Date.now() + backoffMs(attempts), error: err.messages });
            this.syncing = null;
            this.schedule(backoffMs(attempts));
            break;
          }
          await db.put('queue', { ...next, state: 'failed', error: err.messages });
        }
        force = false;
      }
    } finally {
      this.syncing = null;
      this.running = false;
      this.emit();
    }
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), Math.max(200, ms));
  }

  private async perform(db: FieldStore, op: QueueOp): Promise<void> {
    const base = `/api/inspections/${encodeURIComponent(op.inspectionId)}`;
    const draft = await db.get('drafts', op.inspectionId);
    if (op.kind === 'photo') {
      const photo = await db.get('photos', op.photoId!);
      if (!photo) return;
      const q = new URLSearchParams({ purpose: photo.purpose, capturedAt: photo.capturedAt });
      if (photo.itemId) q.set('itemId', photo.itemId);
      if (photo.latitude !== null && photo.longitude !== null) {
        q.set('latitude', String(photo.latitude));
        q.set('longitude', String(photo.longitude));
      }
      await send('PUT', `${base}/photos/${encodeURIComponent(photo.id)}?${q}`, op.key, photo.blob, 'image/jpeg');
      await db.put('photos', { ...photo, synced: true });
      return;
    }
    if (!draft) return;
    if (op.body === undefined) {
      // Fixed at the first attempt: every retry sends exactly this body under the same key.
      if (op.kind === 'check_in') {
        const c = draft.checkIn!;
        op.body = { latitude: c.latitude, longitude: c.longitude, accuracy: c.accuracy, at: c.at, version: draft.version };
      } else {
        const cached = await db.get('inspections', op.inspectionId);
        op.body = submitBody(draft, cached?.template.items.map((i) => i.itemId) ?? []);
      }
      await db.put('queue', op);
    }
    const result = await send('POST', `${base}/${op.kind === 'check_in' ? 'check-in' : 'submit'}`, op.key, JSON.stringify(op.body), 'application/json');
    const fresh = (await db.get('drafts', op.inspectionId))!;
    if (op.kind === 'check_in') {
      const r = result as CheckInResult;
      await db.put('drafts', { ...fresh, version: r.version, serverStatus: r.status, checkIn: { ...fresh.checkIn!, distanceM: r.distanceM, warning: r.warning, synced: true } });
    } else {
      const r = result as InspectionDetail;
      await db.put('inspections', r);
      await db.put('drafts', { ...fresh, version: r.version, serverStatus: r.status });
    }
  }
}

const queues = new Map<string, SyncQueue>();

/** One queue per signed-in user for the page's lifetime. */
export function syncQueueFor(userId: string): SyncQueue {
  let q = queues.get(userId);
  if (!q) {
    q = new SyncQueue(userId);
    queues.set(userId, q);
  }
  return q;
}
