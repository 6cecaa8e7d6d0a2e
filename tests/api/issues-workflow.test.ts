import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { auditCount } from './lifecycle-support';
import { act, enterpriseSource, found, isoDay, putPhoto, year } from './issues-support';

describeEachEngine('issues: the closed loop', 'seeded', (get) => {
  let app: FastifyInstance;
  let town: Client;
  let provider: Client;
  let inspector: Client;
  let enterprise: Client;
  let bureau: Client;
  let source: { id: string; town_id: string; name: string };

  beforeAll(async () => {
    app = await appFor(get());
    town = await loggedIn(app, 'town', '10.61.0.1');
    provider = await loggedIn(app, 'provider', '10.61.0.2');
    inspector = await loggedIn(app, 'inspector', '10.61.0.3');
    enterprise = await loggedIn(app, 'enterprise', '10.61.0.4');
    bureau = await loggedIn(app, 'bureau', '10.61.0.5');
    source = await enterpriseSource(get().db);
    // The demo seed may have left an open notice for this source: the notice numbering below starts a new one.
    await get().db.updateTable('rectification_notices').set({ status: 'closed' }).where('source_id', '=', source.id).where('status', '=', 'open').execute();
  });

  /** The last number a counter gave (the seed numbers issues and notices too). */
  const lastSeq = async (scope: string) =>
    (await get().db.selectFrom('document_counters').select('last_seq').where('scope', '=', scope).where('year', '=', year()).executeTakeFirst())?.last_seq ?? 0;
  const pad = (n: number) => String(n).padStart(4, '0');
  afterAll(() => app.close());

  it('goes found → confirmed → registered → rectifying → submitted → verified → closed, numbered per town and year', async () => {
    const [a, b] = await found(get().db, { sourceId: source.id, count: 2 });
    const detail = (await provider.get(`/api/issues/${a}`)).json();
    expect(detail).toMatchObject({ status: 'found', class: 'deadline', sourceName: source.name, number: null });
    expect(detail.allowedActions).toEqual(expect.arrayContaining(['confirm', 'reject']));
    expect(detail.allowedActions).not.toContain('cancel');
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['found']);

    expect((await act(provider, a, 'confirm')).statusCode).toBe(200);
    const seq = await lastSeq(`issue:${source.town_id}`);
    const noticeSeq = await lastSeq('notice:310112');
    const registered = await act(provider, a, 'register');
    expect(registered.statusCode).toBe(200);
    const y = year();
    expect(registered.json().number).toBe(`${source.town_id}-${y}-${pad(seq + 1)}`);
    await act(town, b, 'confirm');
    expect((await act(town, b, 'register')).json().number).toBe(`${source.town_id}-${y}-${pad(seq + 2)}`);

    const auditBefore = await auditCount(get().db);
    const noticed = await act(provider, a, 'issue_notice', { deadline: isoDay(10) });
    expect(noticed.statusCode).toBe(200);
    expect(noticed.json()).toMatchObject({ status: 'rectifying', deadline: isoDay(10), overdueDays: null });
    expect(noticed.json().notice.number).toBe(`闵环管整改〔${y}〕${pad(noticeSeq + 1)}号`);
    expect(await auditCount(get().db)).toBeGreaterThan(auditBefore);

    // The enterprise finds it in its inbox and its list, with the deadline, and may only submit evidence.
    const inbox = (await enterprise.get('/api/inbox')).json();
    expect(inbox.items.some((n: { kind: string; link: string }) => n.kind === 'rectification_notice' && n.link === `/issues/${a}`)).toBe(true);
    const mine = (await enterprise.get('/api/issues?status=rectifying')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(a);
    expect(mine.items.find((i: { id: string }) => i.id === a).allowedActions).toEqual(['submit_evidence']);

    const { photoId, response } = await putPhoto(enterprise, a, 'evidence');
    expect(response.statusCode).toBe(201);
    const submitted = await act(enterprise, a, 'submit_evidence', { note: '已设置危废标识牌', photoIds: [photoId] });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    expect(submitted.json().photos.after.map((p: { id: string }) => p.id)).toEqual([photoId]);

    expect((await act(enterprise, a, 'verify')).statusCode).toBe(403);
    expect((await act(inspector, a, 'verify')).json().status).toBe('verified');
    const closed = await act(town, a, 'close');
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', allowedActions: [] });
    expect(closed.json().closedAt).not.toBeNull();
    expect(closed.json().events.map((e: { action: string }) => e.action)).toEqual(['found', 'confirm', 'register', 'issue_notice', 'submit_evidence', 'verify', 'close']);
    const audit = await get().db.selectFrom('audit_log').select('action').where('entity_id', '=', a).execute();
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['issue.found', 'issue.confirm', 'issue.register', 'issue.issue_notice', 'issue.submit_evidence', 'issue.verify', 'issue.close']));
  });

  it('refuses by role and class: a provider may not confirm a major issue; the enterprise only submits evidence', async () => {
    const [major] = await found(get().db, { sourceId: source.id, issueClass: 'major' });
    const byProvider = await act(provider, major, 'confirm');
    expect(byProvider.statusCode).toBe(403);
    expect(byProvider.json()).toMatchObject({ code: 'forbidden_action', field: 'action' });
    expect(byProvider.json().message.zh).toContain('重大问题');
    expect((await provider.get(`/api/issues/${major}`)).json().allowedActions).toEqual([]);
    expect((await act(enterprise, major, 'confirm')).statusCode).toBe(403);
    const wrongState = await act(enterprise, major, 'submit_evidence', { note: 'x' });
    expect(wrongState.statusCode).toBe(400);
    expect(wrongState.json().code).toBe('action_not_allowed');
    const wrongClass = await act(town, major, 'fix_on_spot');
    expect(wrongClass.statusCode).toBe(400);
    expect(wrongClass.json().message.en).toContain('class');
    expect((await act(bureau, major, 'confirm')).json().status).toBe('confirmed');
    expect((await act(provider, major, 'register')).statusCode).toBe(403);
    const escalate = await act(town, major, 'escalate');
    expect(escalate.statusCode).toBe(400);
    expect(escalate.json().field).toBe('caseReference');
    const escalated = await act(town, major, 'escalate', { caseReference: '闵环罚〔2026〕12号' });
    expect(escalated.json()).toMatchObject({ status: 'escalated', caseReference: '闵环罚〔2026〕12号' });
  });

  it('a deadline in the past is a 400 naming the field, and nothing changes', async () => {
    const [id] = await found(get().db, { sourceId: source.id });
    await act(town, id, 'confirm');
    await act(town, id, 'register');
    const before = (await town.get(`/api/issues/${id}`)).json();
    const auditBefore = await auditCount(get().db);
    const response = await town.post(`/api/issues/${id}/actions/issue_notice`, { version: before.version, deadline: isoDay(-1) });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_field', field: 'deadline' });
    expect(response.json().message.zh).toContain('期限');
    const after = (await town.get(`/api/issues/${id}`)).json();
    expect(after).toMatchObject({ status: 'registered', version: before.version, deadline: null, notice: null });
    expect(after.events).toHaveLength(before.events.length);
    expect(await auditCount(get().db)).toBe(auditBefore);
    const missing = await town.post(`/api/issues/${id}/actions/issue_notice`, { version: before.version });
    expect(missing.json().field).toBe('deadline');
  });

  it('two people verifying at once: exactly one succeeds, the other gets 409', async () => {
    const [id] = await found(get().db, { sourceId: source.id });
    await act(town, id, 'confirm');
    await act(town, id, 'register');
    await act(town, id, 'issue_notice', { deadline: isoDay(5) });
    const { photoId } = await putPhoto(enterprise, id);
    await act(enterprise, id, 'submit_evidence', { note: '整改完毕', photoIds: [photoId] });
    const { version } = (await town.get(`/api/issues/${id}`)).json();
    const results = await Promise.all([
      inspector.post(`/api/issues/${id}/actions/verify`, { version }),
      town.post(`/api/issues/${id}/actions/verify`, { version }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('stale_version');
    const closing = (await town.get(`/api/issues/${id}`)).json();
    expect(closing.events.filter((e: { action: string }) => e.action === 'verify')).toHaveLength(1);
    const closes = await Promise.all([bureau.post(`/api/issues/${id}/actions/close`, { version: closing.version }), town.post(`/api/issues/${id}/actions/close`, { version: closing.version })]);
    expect(closes.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('a failed verification is returned with a reason, counted, told to the enterprise, and resumed with a new deadline', async () => {
    const [id] = await found(get().db, { sourceId: source.id });
    await act(town, id, 'confirm');
    await act(town, id, 'register');
    await act(town, id, 'issue_notice', { deadline: isoDay(3) });
    expect((await act(enterprise, id, 'submit_evidence', {})).json().field).toBe('note');
    await act(enterprise, id, 'submit_evidence', { note: '已整改' });
    expect((await act(provider, id, 'return')).json().field).toBe('reason');
    const returned = await act(provider, id, 'return', { reason: '照片未体现标识内容' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnCount: 1 });
    const inbox = (await enterprise.get('/api/inbox')).json();
    expect(inbox.items.some((n: { kind: string }) => n.kind === 'issue_returned')).toBe(true);
    expect((await act(provider, id, 'resume', { deadline: isoDay(7) })).json()).toMatchObject({ status: 'rectifying', deadline: isoDay(7), returnCount: 1 });
  });

  it('flags a recurrence: the same item at the same source within 12 months of a closure', async () => {
    const [first] = await found(get().db, { sourceId: source.id, itemCode: 'HW-02', issueClass: 'on_spot' });
    const { photoId } = await putPhoto(inspector, first, 'after');
    const fixed = await act(inspector, first, 'fix_on_spot', { photoIds: [photoId] });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().status).toBe('closed');
    const [again] = await found(get().db, { sourceId: source.id, itemCode: 'HW-02' });
    const detail = (await town.get(`/api/issues/${again}`)).json();
    expect(detail.recurrenceOf).toBe(first);
    expect(detail.recurrence).toMatchObject({ id: first });
    expect(detail.legalBasis).toBeTruthy();
    expect(detail.legalRefs.length).toBeGreaterThan(0);
    const flagged = (await town.get(`/api/issues?recurrence=true&sourceId=${source.id}&pageSize=200`)).json();
    expect(flagged.items.map((i: { id: string }) => i.id)).toContain(again);
    expect(flagged.items.every((i: { recurrenceOf: string | null }) => i.recurrenceOf !== null)).toBe(true);
  });

  it('fix_on_spot needs an after-photo', async () => {
    const [id] = await found(get().db, { sourceId: source.id, issueClass: 'on_spot' });
    const response = await act(inspector, id, 'fix_on_spot');
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('photoIds');
  });

  describe('editing and listing', () => {
    it('edits the four dimensions while found/confirmed, 409 when stale, 400 for a past deadline', async () => {
      const [id] = await found(get().db, { sourceId: source.id });
      const v = (await town.get(`/api/issues/${id}`)).json().version;
      const edited = await town.patch(`/api/issues/${id}`, { version: v, description: '危废间无防渗', responsiblePerson: '李四', measure: '铺设防渗层', deadline: isoDay(20), severity: 'serious' });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ description: '危废间无防渗', responsiblePerson: '李四', severity: 'serious', deadline: isoDay(20), version: v + 1 });
      expect((await town.patch(`/api/issues/${id}`, { version: v, description: 'x' })).statusCode).toBe(409);
      const past = await town.patch(`/api/issues/${id}`, { version: v + 1, deadline: isoDay(-3) });
      expect(past.statusCode).toBe(400);
      expect(past.json().field).toBe('deadline');
      expect((await enterprise.patch(`/api/issues/${id}`, { version: v + 1, description: 'x' })).statusCode).toBe(403);
      expect((await provider.patch(`/api/issues/${id}`, { version: v + 1, class: 'major' })).statusCode).toBe(403);
    });

    it('filters by status, class, overdue and number, and computes overdue days from the deadline', async () => {
      const [id] = await found(get().db, { sourceId: source.id });
      await act(town, id, 'confirm');
      const number = (await act(town, id, 'register')).json().number;
      await act(town, id, 'issue_notice', { deadline: isoDay(1) });
      await get().db.updateTable('issues').set({ deadline: isoDay(-4) }).where('id', '=', id).execute();
      const overdue = (await town.get(`/api/issues?overdue=true&q=${encodeURIComponent(number)}`)).json();
      expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([id]);
      expect(overdue.items[0].overdueDays).toBe(4);
      const byNumber = (await town.get(`/api/issues?q=${encodeURIComponent(number)}`)).json();
      expect(byNumber.total).toBe(1);
      expect(byNumber.items[0]).toMatchObject({ id, number, sourceName: source.name });
      const major = (await town.get('/api/issues?class=major&pageSize=5')).json();
      expect(major.items.every((i: { class: string }) => i.class === 'major')).toBe(true);
      const some = (await town.get('/api/issues?status=closed,escalated')).json();
      expect(some.items.every((i: { status: string }) => ['closed', 'escalated'].includes(i.status))).toBe(true);
      const xinzhuang = await loggedIn(app, 'town_xinzhuang');
      expect((await xinzhuang.get('/api/issues')).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
      expect((await xinzhuang.get(`/api/issues/${id}`)).statusCode).toBe(404);
    });
  });
});
