import { describe, expect, it } from 'vitest';
import { backoffMs, draftFromServer, emptyDraft, retryable, submitBody, syncStateOf, type QueueOp } from './queue-logic';

const op = (over: Partial<QueueOp> = {}): QueueOp => ({ kind: 'photo', inspectionId: 'i', key: 'k1234567', attempts: 0, nextAt: 0, state: 'pending', ...over });

describe('the offline queue (pure parts)', () => {
  it('backs off 2, 4, 8 … seconds up to a minute, with bounded jitter', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, () => 0))).toEqual([2_000, 4_000, 8_000, 16_000, 60_000]);
    expect(backoffMs(1, () => 1)).toBe(2_400);
  });

  it('shows an inspection done elsewhere with the server\'s answers and signer', () => {
    const draft = draftFromServer({
      id: 'i1', version: 3, status: 'signed', signerName: '李代表',
      answers: [{ clientId: 'c1', itemId: 'item-1', verdict: 'fail', note: null, photoIds: ['p1'], answeredAt: '2026-03-01T02:00:00Z' }],
    });
    expect(draft).toMatchObject({ inspectionId: 'i1', version: 3, serverStatus: 'signed', signerName: '李代表', submitted: false });
    expect(draft.answers['item-1']).toEqual({ clientId: 'c1', itemId: 'item-1', verdict: 'fail', note: '', photoIds: ['p1'], answeredAt: '2026-03-01T02:00:00Z' });
  });

  it('retries network and server failures, not refusals', () => {
    expect([0, 408, 429, 500, 503].every(retryable)).toBe(true);
    expect([400, 403, 404, 409].some(retryable)).toBe(false);
  });

  it('builds the submit body in template order, with issues only for 不符合 and after-photos only for 即知即改', () => {
    const d = emptyDraft('insp', 3, 'in_progress');
    const issue = { clientId: 'iss', description: ' 台账缺失 ', class: 'deadline' as const, severity: 'general' as const, deadline: '2026-04-30', responsiblePerson: '', measure: '补建', afterPhotoIds: ['x'] };
    d.answers = {
      b: { clientId: 'cb', itemId: 'b', verdict: 'fail', note: ' ', photoIds: ['p1'], answeredAt: 't', issue },
      a: { clientId: 'ca', itemId: 'a', verdict: 'pass', note: '好', photoIds: [], answeredAt: 't', issue },
    };
    d.signature = 'data:image/png;base64,xx';
    d.signerName = ' 李四 ';
    const body = submitBody(d, ['a', 'b']);
    expect(body.version).toBe(3);
    expect(body.answers.map((a) => a.itemId)).toEqual(['a', 'b']);
    expect(body.answers[0]).not.toHaveProperty('issue');
    expect(body.answers[1].note).toBeNull();
    expect(body.answers[1].issue).toEqual({ clientId: 'iss', description: '台账缺失', class: 'deadline', severity: 'general', deadline: '2026-04-30', responsiblePerson: null, measure: '补建' });
    expect(body.signerName).toBe('李四');
    d.answers.b.issue = { ...issue, class: 'on_spot' };
    expect(submitBody(d, ['a', 'b']).answers[1].issue).toMatchObject({ class: 'on_spot', deadline: null, afterPhotoIds: ['x'] });
  });

  it('shows failures first, then syncing, then saved on the phone, then synced', () => {
    const d = emptyDraft('insp', 1, 'planned');
    expect(syncStateOf(d, [], false, true)).toEqual({ kind: 'synced' });
    d.answers.a = { clientId: 'c', itemId: 'a', verdict: 'pass', note: '', photoIds: [], answeredAt: 't' };
    expect(syncStateOf(d, [], false, false)).toEqual({ kind: 'local' });
    expect(syncStateOf(d, [op()], true, true)).toEqual({ kind: 'syncing' });
    const reason = { zh: '无法连接服务器', en: 'offline' };
    expect(syncStateOf(d, [op({ error: reason, attempts: 1 })], false, false)).toEqual({ kind: 'local' });
    expect(syncStateOf(d, [op({ error: reason, attempts: 1 })], false, true)).toEqual({ kind: 'failed', reason });
    expect(syncStateOf(d, [op({ state: 'failed', error: reason })], true, true)).toEqual({ kind: 'failed', reason });
    d.submitted = true;
    // Submitted on the phone, the server still has it in progress: not synced yet, even with nothing queued.
    d.serverStatus = 'in_progress';
    expect(syncStateOf(d, [], false, true)).toEqual({ kind: 'local' });
    d.serverStatus = 'submitted';
    expect(syncStateOf(d, [], false, true)).toEqual({ kind: 'synced' });
  });
});

describe('fitWithin', async () => {
  const { fitWithin } = await import('./device');
  it('shrinks the longer edge to 1600 px and never enlarges', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(1080, 1920)).toEqual({ width: 900, height: 1600 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });
});
