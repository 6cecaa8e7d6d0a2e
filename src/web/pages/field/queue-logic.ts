/**
 * The pure parts of the field form's offline queue: the local records, the submit body built from a
 * draft, the retry schedule and the status shown to the inspector. No browser API here (unit-tested).
 */
import type { Bilingual } from '../../../common/enums';
import type { Submit } from '../../../common/contracts/inspections';

export type Verdict = 'pass' | 'fail' | 'na';
export type IssueClass = 'on_spot' | 'deadline' | 'major';
export type Severity = 'minor' | 'general' | 'serious';

export interface LocalIssue {
  clientId: string;
  description: string;
  class: IssueClass;
  severity: Severity;
  deadline: string;
  responsiblePerson: string;
  measure: string;
  afterPhotoIds: string[];
}

export interface LocalAnswer {
  clientId: string;
  itemId: string;
  verdict: Verdict;
  note: string;
  photoIds: string[];
  answeredAt: string;
  issue?: LocalIssue;
}

export interface LocalFinding {
  clientId: string;
  area: string;
  photoIds: string[];
  foundAt: string;
  issue: LocalIssue;
}

export interface LocalCheckIn {
  latitude: number;
  longitude: number;
  accuracy: number | null;
  at: string;
  /** Computed on the phone from the source's coordinates; the server's figure replaces it once synced. */
  distanceM: number | null;
  warning: Bilingual | null;
  synced: boolean;
}

export interface Draft {
  inspectionId: string;
  /** The inspection's version as last known from the server. */
  version: number;
  checkIn?: LocalCheckIn;
  answers: Record<string, LocalAnswer>;
  findings: LocalFinding[];
  signerName: string;
  /** PNG data URL. */
  signature: string | null;
  /** Submitted on the phone (queued); `serverStatus` says whether the server has it. */
  submitted: boolean;
  serverStatus: string;
  updatedAt: string;
}

export type OpKind = 'check_in' | 'photo' | 'submit';

export interface QueueOp {
  seq?: number;
  kind: OpKind;
  inspectionId: string;
  photoId?: string;
  /** The Idempotency-Key sent with every attempt of this op. */
  key: string;
  /** The body, fixed at the first attempt so that every retry is the same request. */
  body?: unknown;
  attempts: number;
  nextAt: number;
  state: 'pending' | 'failed';
  error?: Bilingual;
}

export function emptyDraft(inspectionId: string, version: number, serverStatus: string): Draft {
  return { inspectionId, version, answers: {}, findings: [], signerName: '', signature: null, submitted: false, serverStatus, updatedAt: new Date().toISOString() };
}

/** A draft showing what the server has of an inspection done elsewhere (or before this phone kept drafts): its answers and signer. */
export function draftFromServer(detail: { id: string; version: number; status: string; signerName: string | null; answers: ReadonlyArray<{ clientId: string; itemId: string; verdict: string; note: string | null; photoIds: string[]; answeredAt: string }> }): Draft {
  const answers: Record<string, LocalAnswer> = {};
  for (const a of detail.answers) {
    answers[a.itemId] = { clientId: a.clientId, itemId: a.itemId, verdict: a.verdict as Verdict, note: a.note ?? '', photoIds: a.photoIds, answeredAt: a.answeredAt };
  }
  return { ...emptyDraft(detail.id, detail.version, detail.status), answers, signerName: detail.signerName ?? '' };
}

/** Seconds to wait before attempt `attempts + 1`: 2, 4, 8 … capped at 60, with up to 20 % jitter. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 2_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (1 + 0.2 * random()));
}

/** A failure worth retrying: no connection (0), a timeout, rate limiting or a server error. Others (4xx) need the user. */
export function retryable(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

function issueBody(i: LocalIssue) {
  return {
    clientId: i.clientId,
    description: i.description.trim() || '-',
    class: i.class,
    severity: i.severity,
    deadline: i.class === 'deadline' || i.class === 'major' ? i.deadline || null : null,
    responsiblePerson: i.responsiblePerson.trim() || null,
    measure: i.measure.trim() || null,
    ...(i.class === 'on_spot' ? { afterPhotoIds: i.afterPhotoIds } : {}),
  };
}

/** The POST /submit body of a draft, answers in template order. */
export function submitBody(draft: Draft, itemOrder: readonly string[]): Submit {
  const order = new Map(itemOrder.map((id, i) => [id, i]));
  const answers = Object.values(draft.answers).sort((a, b) => (order.get(a.itemId) ?? 1e9) - (order.get(b.itemId) ?? 1e9));
  return {
    version: draft.version,
    answers: answers.map((a) => ({
      clientId: a.clientId,
      itemId: a.itemId,
      verdict: a.verdict,
      note: a.note.trim() || null,
      photoIds: a.photoIds,
      answeredAt: a.answeredAt,
      ...(a.verdict === 'fail' && a.issue ? { issue: issueBody(a.issue) } : {}),
    })),
    findings: draft.findings.map((f) => ({ area: f.area as Submit['findings'][number]['area'], photoIds: f.photoIds, foundAt: f.foundAt, issue: issueBody(f.issue) })),
    signature: draft.signature,
    signerName: draft.signerName.trim() || null,
  };
}

export type SyncState = { kind: 'local' } | { kind: 'syncing' } | { kind: 'synced' } | { kind: 'failed'; reason: Bilingual };

/**
 * What the inspector sees for one inspection: a failure that needs the user first, then a sync under
 * way, then a retried failure (only while online: offline, waiting is normal), then anything only on the phone.
 */
export function syncStateOf(draft: Draft | undefined, ops: readonly QueueOp[], syncingNow: boolean, online: boolean): SyncState {
  const failed = ops.find((o) => o.state === 'failed');
  if (failed) return { kind: 'failed', reason: failed.error ?? { zh: '未知错误', en: 'Unknown error' } };
  if (syncingNow && ops.length > 0) return { kind: 'syncing' };
  const retrying = ops.find((o) => o.error);
  if (online && retrying) return { kind: 'failed', reason: retrying.error! };
  if (ops.length > 0) return { kind: 'local' };
  // Submitted on the phone but not yet on the server (e.g. the moment before the submit is queued).
  if (draft?.submitted && (draft.serverStatus === 'planned' || draft.serverStatus === 'in_progress')) return { kind: 'local' };
  if (draft && !draft.submitted && (Object.keys(draft.answers).length > 0 || draft.findings.length > 0 || draft.signature)) return { kind: 'local' };
  return { kind: 'synced' };
}

/** A date `days` after `from` (YYYY-MM-DD). */
export function addDays(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
