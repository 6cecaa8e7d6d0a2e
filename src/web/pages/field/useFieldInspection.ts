/**
 * The state of one inspection on the phone: the server's copy (or the cached one when offline), the
 * draft kept in IndexedDB on every change, the local photos, and the sync status of its queue.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { InspectionDetail } from '../../../common/contracts/inspections';
import { ApiError } from '../../api/client';
import { getInspection } from '../../api/inspections';
import type { LocalPhoto } from './offline-db';
import { draftFromServer, emptyDraft, syncStateOf, type Draft, type QueueOp, type SyncState } from './queue-logic';
import { syncQueueFor, type SyncQueue } from './sync';

export interface FieldInspection {
  detail: InspectionDetail | undefined;
  draft: Draft | undefined;
  photos: LocalPhoto[];
  sync: SyncState;
  online: boolean;
  error: ApiError | null;
  queue: SyncQueue;
  /** Changes the draft (kept in IndexedDB before the state updates). */
  update: (change: (d: Draft) => Draft) => Promise<Draft>;
  addPhoto: (photo: LocalPhoto) => Promise<void>;
  reload: () => void;
}

export function useFieldInspection(userId: string, id: string): FieldInspection {
  const queue = useMemo(() => syncQueueFor(userId), [userId]);
  const [detail, setDetail] = useState<InspectionDetail>();
  const [draft, setDraft] = useState<Draft>();
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [ops, setOps] = useState<QueueOp[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [online, setOnline] = useState(queue.online);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const draftRef = useRef<Draft | undefined>(undefined);

  useEffect(() => {
    let live = true;
    (async () => {
      const db = await queue.db();
      let d: InspectionDetail | undefined;
      try {
        d = await getInspection(id);
        await db.put('inspections', d);
      } catch (e) {
        d = await db.get('inspections', id);
        if (!d) {
          if (live) setError(e instanceof ApiError ? e : new ApiError(0, { code: 'client_error', message: { zh: String(e), en: String(e) } }));
          return;
        }
      }
      let local = await db.get('drafts', id);
      const pending = await db.getAllFromIndex('queue', 'inspectionId', id);
      if (!local) {
        local = d.answers.length > 0 ? draftFromServer(d) : emptyDraft(id, d.version, d.status);
        await db.put('drafts', local);
      } else if (pending.length === 0 && !local.submitted && local.version !== d.version) {
        // Nothing of ours in flight: the server's version is the one to build on.
        local = { ...local, version: d.version, serverStatus: d.status };
        await db.put('drafts', local);
      }
      const localPhotos = await db.getAllFromIndex('photos', 'inspectionId', id);
      if (!live) return;
      setDetail(d);
      draftRef.current = local;
      setDraft(local);
      setPhotos(localPhotos.sort((a, b) => a.capturedAt.localeCompare(b.capturedAt)));
      setError(null);
    })();
    return () => {
      live = false;
    };
  }, [queue, id, tick]);

  useEffect(() => {
    let live = true;
    const refresh = async () => {
      const db = await queue.db();
      const mine = await db.getAllFromIndex('queue', 'inspectionId', id);
      const stored = await db.get('drafts', id);
      const storedPhotos = await db.getAllFromIndex('photos', 'inspectionId', id);
      if (!live) return;
      setOps(mine);
      // The queue marks a photo synced once the server has it: show that (keep the list when nothing changed).
      setPhotos((list) => {
        const synced = new Map(storedPhotos.map((p) => [p.id, p.synced]));
        return list.some((p) => synced.has(p.id) && synced.get(p.id) !== p.synced) ? list.map((p) => (synced.has(p.id) ? { ...p, synced: synced.get(p.id)! } : p)) : list;
      });
      setSyncing(queue.syncing === id);
      setOnline(queue.online);
      // The queue changes the draft's version and the server status after a sync.
      if (stored && draftRef.current && (stored.version !== draftRef.current.version || stored.serverStatus !== draftRef.current.serverStatus || stored.checkIn?.synced !== draftRef.current.checkIn?.synced)) {
        draftRef.current = { ...draftRef.current, version: stored.version, serverStatus: stored.serverStatus, checkIn: stored.checkIn };
        setDraft(draftRef.current);
      }
    };
    void refresh();
    const off = queue.subscribe(() => void refresh());
    void queue.run();
    return () => {
      live = false;
      off();
    };
  }, [queue, id]);

  const update = useCallback(
    async (change: (d: Draft) => Draft) => {
      const db = await queue.db();
      // Read the stored draft so a sync's version change is never overwritten by an older copy.
      const stored = (await db.get('drafts', id)) ?? draftRef.current!;
      const next = { ...change({ ...draftRef.current!, version: stored.version, serverStatus: stored.serverStatus, checkIn: draftRef.current?.checkIn ?? stored.checkIn }), updatedAt: new Date().toISOString() };
      await db.put('drafts', next);
      draftRef.current = next;
      setDraft(next);
      queue.emit();
      return next;
    },
    [queue, id],
  );

  const addPhoto = useCallback(
    async (photo: LocalPhoto) => {
      const db = await queue.db();
      await db.put('photos', photo);
      setPhotos((list) => [...list, photo]);
      await queue.enqueue({ kind: 'photo', inspectionId: id, photoId: photo.id });
    },
    [queue, id],
  );

  return {
    detail,
    draft,
    photos,
    sync: syncStateOf(draft, ops, syncing, online),
    online,
    error,
    queue,
    update,
    addPhoto,
    reload: () => setTick((n) => n + 1),
  };
}
