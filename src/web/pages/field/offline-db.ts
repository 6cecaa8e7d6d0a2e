/**
 * The field form's IndexedDB (one database per user): drafts of inspections, photos as compressed
 * JPEG blobs, the sync queue, and the last copy of each inspection fetched (to work without a network).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { InspectionDetail } from '../../../common/contracts/inspections';
import type { Draft, QueueOp } from './queue-logic';

export interface LocalPhoto {
  id: string;
  inspectionId: string;
  itemId: string | null;
  purpose: 'item' | 'finding' | 'after';
  blob: Blob;
  capturedAt: string;
  latitude: number | null;
  longitude: number | null;
  synced: boolean;
}

interface FieldDB extends DBSchema {
  drafts: { key: string; value: Draft };
  photos: { key: string; value: LocalPhoto; indexes: { inspectionId: string } };
  queue: { key: number; value: QueueOp; indexes: { inspectionId: string } };
  inspections: { key: string; value: InspectionDetail };
}

export type FieldStore = IDBPDatabase<FieldDB>;

const opened = new Map<string, Promise<FieldStore>>();

export function fieldDb(userId: string): Promise<FieldStore> {
  let db = opened.get(userId);
  if (!db) {
    db = openDB<FieldDB>(`ecosteward-field-${userId}`, 1, {
      upgrade(d) {
        d.createObjectStore('drafts', { keyPath: 'inspectionId' });
        d.createObjectStore('photos', { keyPath: 'id' }).createIndex('inspectionId', 'inspectionId');
        d.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true }).createIndex('inspectionId', 'inspectionId');
        d.createObjectStore('inspections', { keyPath: 'id' });
      },
    });
    opened.set(userId, db);
  }
  return db;
}
