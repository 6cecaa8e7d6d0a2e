import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { complianceRemindersJob } from '../../src/server/jobs/compliance-reminders';
import { runOneJob, scheduleRecurring } from '../../src/server/jobs/runner';
import { notify, runComplianceReminders } from '../../src/server/modules/notifications';
import { appFor, loggedIn } from '../support/api';
import { describeEachEngine } from '../support/db';
import { expectedRecipients, insertPermit, userIds, withoutDemoPermits } from './notifications-support';

/**
 * The reminder job on fixed days of 2025 and the inbox API. The source's permit: quarterly reports
 * (Q1 due 2025-04-15) and expiry on 2025-10-05, so 2025-04-08 is 7 days before the report and
 * 180 days before expiry.
 */
describeEachEngine('compliance reminders and inbox', 'seeded', (get) => {
  let app: FastifyInstance;
  let sourceId = '';
  let recipients: string[] = [];
  let users: Record<string, string> = {};

  beforeAll(async () => {
    app = await appFor(get());
    const db = get().db;
    users = await userIds(db, ['enterprise', 'provider', 'inspector', 'town', 'grid']);
    sourceId = (await db.selectFrom('users').select('source_id').where('id', '=', users.enterprise).executeTakeFirstOrThrow()).source_id!;
    await withoutDemoPermits(db, sourceId);
    await insertPermit(db, { sourceId, number: 'REMIND-001', validFrom: '2020-10-06', validUntil: '2025-10-05', reportFrequency: 'quarterly', permitClass: 'key' });
    recipients = await expectedRecipients(db, sourceId);
  });
  afterAll(() => app.close());

  // This permit's reminders (the demo data may hold other permits of the source).
  const mine = () =>
    get().db.selectFrom('notifications').selectAll().where('source_id', '=', sourceId).where('dedupe_key', 'like', '%:REMIND-001:%').orderBy('user_id').execute();
  const auditRows = async () =>
    (await get().db.selectFrom('audit_log').select('seq').where('action', '=', 'notification.compliance_reminders').execute()).length;

  it('reminds the enterprise and the contracted provider staff exactly once, however often it runs', async () => {
    expect(recipients).toEqual(expect.arrayContaining([users.enterprise, users.provider, users.inspector]));
    expect(recipients).not.toContain(users.town);
    expect(recipients).not.toContain(users.grid);

    const first = await runComplianceReminders(get().db, { today: '2025-04-08' });
    expect(first.created).toBeGreaterThanOrEqual(2 * recipients.length);
    const sent = await mine();
    expect(sent).toHaveLength(2 * recipients.length);
    expect([...new Set(sent.map((n) => n.user_id))].sort()).toEqual(recipients);
    const report = sent.find((n) => n.user_id === users.enterprise && n.due_date === '2025-04-15')!;
    expect(report.title).toEqual({ zh: '【合规提醒】2025年第1季度季度执行报告（还有 7 天）', en: 'Reminder: Quarterly execution report, 2025 Q1 (7 days left)' });
    expect(report.link).toBe(`/sources/${sourceId}?tab=compliance`);
    const renewal = sent.find((n) => n.user_id === users.enterprise && n.due_date === '2025-10-05')!;
    expect((renewal.title as { zh: string }).zh).toContain('REMIND-001');
    expect((renewal.body as { zh: string }).zh).toContain('2025-08-06'); // apply 60 days before expiry
    expect(await auditRows()).toBe(1);

    const again = await runComplianceReminders(get().db, { today: '2025-04-08' });
    expect(again.created).toBe(0);
    expect(await mine()).toHaveLength(sent.length);
    expect(await auditRows()).toBe(1); // a run that changes nothing writes nothing

    // The next days hold nothing new for this source until the 3-day reminder.
    await runComplianceReminders(get().db, { today: '2025-04-09' });
    await runComplianceReminders(get().db, { today: '2025-04-11' });
    expect(await mine()).toHaveLength(sent.length);
  });

  it('a job that missed days catches up the latest reminder while its deadline has not passed', async () => {
    const before = (await mine()).length;
    // Down on 2025-04-12 (the 3-day day): the run on the 13th still sends it, counting 2 days.
    await runComplianceReminders(get().db, { today: '2025-04-13' });
    const after = await mine();
    expect(after).toHaveLength(before + recipients.length);
    const late = after.find((n) => n.user_id === users.inspector && (n.title as { zh: string }).zh.includes('还有 2 天'));
    expect(late?.due_date).toBe('2025-04-15');
    // After the due date nothing more comes for that report.
    await runComplianceReminders(get().db, { today: '2025-04-16' });
    expect(await mine()).toHaveLength(after.length);
  });

  it('runs daily through the job runner with an injected clock', async () => {
    const db = get().db;
    const before = (await mine()).length;
    // 2025-07-05 02:00 UTC is 10:00 in Shanghai: 90 days before expiry (2025-10-05) falls on 2025-07-07,
    // Q2 is due 2025-07-15, so on 2025-07-08 both reminders are due.
    const job = complianceRemindersJob(() => new Date('2025-07-08T02:00:00Z'));
    await scheduleRecurring(db, [job]);
    await db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1000) }).where('kind', '=', job.kind).execute();
    expect(await runOneJob(db, [job])).toBe(true);
    const row = await db.selectFrom('jobs').selectAll().where('kind', '=', job.kind).executeTakeFirstOrThrow();
    expect(row.last_error).toBeNull();
    expect(new Date(row.run_at).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    const after = await mine();
    expect(after).toHaveLength(before + 2 * recipients.length);
    expect(after.filter((n) => n.due_date === '2025-07-15')).toHaveLength(recipients.length);
  });

  it('the inbox shows a user only its own notifications and marks them read', async () => {
    const enterprise = await loggedIn(app, 'enterprise');
    const inbox = (await enterprise.get('/api/inbox')).json();
    const own = await get().db.selectFrom('notifications').select('id').where('user_id', '=', users.enterprise).execute();
    expect(own.length).toBeGreaterThanOrEqual(5); // 2 on 04-08, 1 on 04-13, 2 on 07-08
    expect(inbox.total).toBe(own.length);
    expect(inbox.unread).toBe(own.length);
    expect(inbox.items[0]).toMatchObject({ kind: 'compliance_reminder', sourceId, readAt: null });
    expect(new Set(inbox.items.map((n: { id: string }) => n.id))).toEqual(new Set(own.map((n) => n.id)));
    expect((await enterprise.get('/api/inbox/unread-count')).json()).toEqual({ unread: own.length });

    // The inspector cannot read (nor mark) the enterprise's notification, and neither can the town.
    const target = inbox.items[0].id as string;
    for (const name of ['inspector', 'town']) {
      const other = await loggedIn(app, name, `10.9.0.${name.length}`);
      const response = await other.post(`/api/inbox/${target}/read`);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('not_found');
      const theirs = (await other.get('/api/inbox?pageSize=100')).json();
      expect(theirs.items.some((n: { id: string }) => n.id === target)).toBe(false);
    }
    expect((await get().db.selectFrom('notifications').select('read_at').where('id', '=', target).executeTakeFirstOrThrow()).read_at).toBeNull();

    const read = await enterprise.post(`/api/inbox/${target}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    const audit = await get().db.selectFrom('audit_log').selectAll().where('action', '=', 'notification.read').where('entity_id', '=', target).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_username).toBe('enterprise');
    // Reading it again changes nothing and writes no second audit row.
    expect((await enterprise.post(`/api/inbox/${target}/read`)).json().readAt).toBe(read.json().readAt);
    expect(await get().db.selectFrom('audit_log').select('seq').where('action', '=', 'notification.read').where('entity_id', '=', target).execute()).toHaveLength(1);

    expect((await enterprise.get('/api/inbox/unread-count')).json()).toEqual({ unread: own.length - 1 });
    const unreadOnly = (await enterprise.get('/api/inbox?unread=true&pageSize=1')).json();
    expect(unreadOnly).toMatchObject({ total: own.length - 1, unread: own.length - 1 });
    expect(unreadOnly.items).toHaveLength(1);

    expect((await enterprise.post('/api/inbox/read-all')).json()).toEqual({ updated: own.length - 1 });
    expect((await enterprise.get('/api/inbox/unread-count')).json()).toEqual({ unread: 0 });
    expect((await enterprise.post('/api/inbox/read-all')).json()).toEqual({ updated: 0 });
    // Read-all touched only the enterprise's own rows.
    const inspectorUnread = await get().db.selectFrom('notifications').select('id').where('user_id', '=', users.inspector).where('read_at', 'is', null).execute();
    expect(inspectorUnread.length).toBeGreaterThan(0);
  });

  it('bad ids and unknown notifications answer 400 and 404', async () => {
    const enterprise = await loggedIn(app, 'enterprise');
    expect((await enterprise.post('/api/inbox/42/read')).statusCode).toBe(400);
    expect((await enterprise.post('/api/inbox/00000000-0000-4000-8000-000000000000/read')).statusCode).toBe(404);
    expect((await enterprise.get('/api/inbox?unread=maybe')).json()).toMatchObject({ code: 'validation', field: 'unread' });
  });

  it('notify() is generic and idempotent per recipient by its dedupe key', async () => {
    const db = get().db;
    const message = { kind: 'task_dispatched', title: { zh: '新任务', en: 'New task' }, body: { zh: '请处理', en: 'Please handle' }, link: '/tasks/1', dedupeKey: 'task:1:dispatched' };
    const first = await db.transaction().execute((trx) => notify(trx, { ...message, recipients: [users.town, users.grid, users.town] }));
    expect(first).toBe(2);
    const second = await db.transaction().execute((trx) => notify(trx, { ...message, recipients: [users.town, users.grid] }));
    expect(second).toBe(0);
    const town = await loggedIn(app, 'town', '10.9.1.1');
    const inbox = (await town.get('/api/inbox')).json();
    expect(inbox.items.filter((n: { kind: string }) => n.kind === 'task_dispatched')).toHaveLength(1);
    expect(inbox.items.find((n: { kind: string }) => n.kind === 'task_dispatched')).toMatchObject({ sourceId: null, dueDate: null, link: '/tasks/1' });
  });

  it('a notification about a source outside the recipient\'s jurisdiction stays hidden', async () => {
    const db = get().db;
    const xinzhuang = (await db.selectFrom('users').select('region_id').where('username', '=', 'town_xinzhuang').executeTakeFirstOrThrow()).region_id!;
    const elsewhere = (await db.selectFrom('sources').select('id').where('town_id', '=', xinzhuang).orderBy('name').executeTakeFirstOrThrow()).id;
    const grid = await loggedIn(app, 'grid', '10.9.2.1');
    const before = (await grid.get('/api/inbox/unread-count')).json().unread;
    const [hidden] = await db.transaction().execute(async (trx) => {
      await notify(trx, { recipients: [users.grid], kind: 'test', title: { zh: '隐藏', en: 'Hidden' }, body: { zh: '隐藏', en: 'Hidden' }, sourceId: elsewhere });
      return trx.selectFrom('notifications').select('id').where('user_id', '=', users.grid).where('source_id', '=', elsewhere).execute();
    });
    expect((await grid.get('/api/inbox')).json().items.some((n: { id: string }) => n.id === hidden.id)).toBe(false);
    expect((await grid.get('/api/inbox/unread-count')).json()).toEqual({ unread: before });
    expect((await grid.post(`/api/inbox/${hidden.id}/read`)).statusCode).toBe(404);
  });
});
