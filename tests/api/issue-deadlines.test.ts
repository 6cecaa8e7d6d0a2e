import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DB } from '../../src/server/db/schema';
import { runIssueDeadlines } from '../../src/server/modules/issues';
import { appFor, loggedIn } from '../support/api';
import { describeEachEngine } from '../support/db';
import { userIds } from './notifications-support';

/**
 * Deadline reminders and escalation in working days, on the seeded 2026 calendar: the National Day
 * week (1–7 October, weekdays 1, 2, 5, 6, 7 off) and Saturday 10 October worked in lieu. An issue due
 * on 30 September is 2 working days late on 9 October, 3 on the 10th (→ town), 10 on the 20th (→ bureau).
 */
async function insertIssue(db: Kysely<DB>, sourceId: string, finder: string, deadline: string, status: 'rectifying' | 'submitted' = 'rectifying'): Promise<string> {
  const source = await db.selectFrom('sources').select('town_id').where('id', '=', sourceId).executeTakeFirstOrThrow();
  const id = randomUUID();
  await db.insertInto('issues').values({
    id, source_id: sourceId, town_id: source.town_id, origin: 'inspection', area: 'air', description: '测试：废气收集设施未正常运行',
    class: 'deadline', status, deadline, found_by: finder, found_at: new Date('2026-09-01T02:00:00Z'),
  }).execute();
  return id;
}

describeEachEngine('issue deadlines: reminders and escalation', 'seeded', (get) => {
  let app: FastifyInstance;
  let users: Record<string, string> = {};
  let sourceId = '';
  let issueId = '';

  beforeAll(async () => {
    app = await appFor(get());
    const db = get().db;
    users = await userIds(db, ['enterprise', 'grid', 'town', 'bureau', 'provider', 'town_xinzhuang', 'inspector']);
    sourceId = (await db.selectFrom('users').select('source_id').where('id', '=', users.enterprise).executeTakeFirstOrThrow()).source_id!;
    issueId = await insertIssue(db, sourceId, users.inspector, '2026-09-30');
  });
  afterAll(() => app.close());

  const mine = (kind?: string) => {
    let q = get().db.selectFrom('notifications').select(['user_id', 'kind', 'title', 'dedupe_key']).where('link', '=', `/issues/${issueId}`);
    if (kind) q = q.where('kind', '=', kind);
    return q.orderBy('user_id').execute();
  };
  const level = async () => (await get().db.selectFrom('issues').select(['escalation_level', 'version']).where('id', '=', issueId).executeTakeFirstOrThrow());

  it('reminds the enterprise and its grid cadre before the deadline, once', async () => {
    await runIssueDeadlines(get().db, { today: '2026-09-26' });
    expect(await mine()).toHaveLength(0); // 4 days ahead: not yet
    await runIssueDeadlines(get().db, { today: '2026-09-27' });
    const sent = await mine('issue_deadline');
    expect(sent.map((n) => n.user_id).sort()).toEqual([users.enterprise, users.grid].sort());
    expect((sent[0].title as { zh: string }).zh).toContain('2026-09-30');
    await runIssueDeadlines(get().db, { today: '2026-09-28' });
    expect(await mine('issue_deadline')).toHaveLength(2);
  });

  it('counts working days across the National Day holiday and escalates to the town, then the bureau', async () => {
    await runIssueDeadlines(get().db, { today: '2026-10-09' });
    expect(await mine('issue_escalation')).toHaveLength(0);
    expect((await level()).escalation_level).toBe(0);

    await runIssueDeadlines(get().db, { today: '2026-10-10' });
    const town = await mine('issue_escalation');
    expect(town.map((n) => n.user_id)).toEqual([users.town]);
    expect((town[0].title as { zh: string }).zh).toContain('已逾期 3 个工作日');
    const after = await level();
    expect(after.escalation_level).toBe(1);
    expect(after.version).toBe(1); // a system flag: nobody's edit becomes stale

    await runIssueDeadlines(get().db, { today: '2026-10-19' });
    expect(await mine('issue_escalation')).toHaveLength(1);
    await runIssueDeadlines(get().db, { today: '2026-10-20' });
    const both = await mine('issue_escalation');
    expect(both.map((n) => n.user_id).sort()).toEqual([users.town, users.bureau].sort());
    expect(both.map((n) => n.user_id)).not.toContain(users.town_xinzhuang);
    expect((await level()).escalation_level).toBe(2);

    await runIssueDeadlines(get().db, { today: '2026-10-21' });
    expect(await mine()).toHaveLength(4);
    const events = await get().db.selectFrom('issue_events').select('payload').where('issue_id', '=', issueId).where('action', '=', 'escalation').execute();
    expect(events.map((e) => (e.payload as { level: number }).level)).toEqual([1, 2]);
  });

  it('stops counting once the evidence is in', async () => {
    const submitted = await insertIssue(get().db, sourceId, users.inspector, '2026-09-30', 'submitted');
    await runIssueDeadlines(get().db, { today: '2026-10-30' });
    const rows = await get().db.selectFrom('notifications').select('id').where('link', '=', `/issues/${submitted}`).execute();
    expect(rows).toHaveLength(0);
  });

  it('lets the administrator keep the calendar, and nobody else', async () => {
    const admin = await loggedIn(app, 'admin');
    const bureau = await loggedIn(app, 'bureau');
    const year = await (await bureau.get('/api/work-calendar?year=2026')).json();
    expect(year.days.find((d: { day: string }) => d.day === '2026-10-10')).toMatchObject({ kind: 'workday' });
    expect(year.workingDays).toBe(365 - 104 - year.days.filter((d: { kind: string }) => d.kind === 'holiday').length + year.days.filter((d: { kind: string }) => d.kind === 'workday').length);
    expect(year.settings).toEqual({ townAfterWorkingDays: 3, bureauAfterWorkingDays: 10, remindDaysBefore: 3 });

    expect((await bureau.post('/api/work-calendar/days', { day: '2026-12-31', kind: 'holiday', name: '测试' })).statusCode).toBe(403);
    const weekday = await admin.post('/api/work-calendar/days', { day: '2026-12-30', kind: 'workday', name: '测试' });
    expect(weekday.statusCode).toBe(400);
    expect(weekday.json()).toMatchObject({ field: 'kind' });
    const ok = await admin.post('/api/work-calendar/days', { day: '2026-12-31', kind: 'holiday', name: '测试假日' });
    expect(ok.statusCode).toBe(200);
    const after = await (await admin.get('/api/work-calendar?year=2026')).json();
    expect(after.workingDays).toBe(year.workingDays - 1);

    const bad = await admin.request('PUT', '/api/work-calendar/settings', { townAfterWorkingDays: 5, bureauAfterWorkingDays: 5, remindDaysBefore: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'bureauAfterWorkingDays' });
    const set = await admin.request('PUT', '/api/work-calendar/settings', { townAfterWorkingDays: 2, bureauAfterWorkingDays: 6, remindDaysBefore: 5 });
    expect(set.statusCode).toBe(200);
    expect((await (await bureau.get('/api/work-calendar?year=2026')).json()).settings.townAfterWorkingDays).toBe(2);
    const audit = await get().db.selectFrom('audit_log').select('action').where('action', 'like', 'work_calendar.%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['work_calendar.escalation_settings', 'work_calendar.set_day']);
    expect((await admin.request('DELETE', '/api/work-calendar/days?day=2026-12-31')).statusCode).toBe(204);
    expect((await admin.request('DELETE', '/api/work-calendar/days?day=2026-12-31')).statusCode).toBe(404);
  });
});
