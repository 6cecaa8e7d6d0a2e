/**
 * The demo district's year of inspections and issues (检查与问题闭环), generated after the checklist
 * bank exists: annual plans per provider, a town's night patrols, an auto-repair campaign and a
 * second round; the visits done so far this year with their answers and scores; the issues they
 * found, most of them closed, some in rectification, a few overdue, returned, escalated or recurring;
 * numbered notices; the working-day calendar. Dated relative to the day of the seed, deterministic.
 */
import type { Insertable, Kysely } from 'kysely';
import { addDays, daysBetween, type IsoDate } from '../../../common/compliance-calendar';
import { scoreChecklist, type Band, type ItemAnswer } from '../../../common/checklist-scoring';
import { INSPECTION_AREA_CODES, storedAreaScores } from '../../../common/inspection-areas';
import { issueNumber, noticeNumber } from '../../../common/numbering';
import type { DB } from '../schema';
import type { Dataset } from './dataset';
import { Rng } from './random';
import { holidaysOf } from './holidays';

type Rows<T extends keyof DB> = Array<Insertable<DB[T]>>;

export interface ClosedLoopRows {
  calendar_days: Rows<'calendar_days'>;
  inspection_plans: Rows<'inspection_plans'>;
  inspections: Rows<'inspections'>;
  inspection_answers: Rows<'inspection_answers'>;
  rectification_notices: Rows<'rectification_notices'>;
  issues: Rows<'issues'>;
  issue_events: Rows<'issue_events'>;
  document_counters: Rows<'document_counters'>;
}

/** Insert order (foreign keys). */
export const CLOSED_LOOP_TABLES = [
  'calendar_days', 'inspection_plans', 'inspections', 'inspection_answers', 'rectification_notices', 'issues', 'issue_events', 'document_counters',
] as const satisfies ReadonlyArray<keyof ClosedLoopRows>;

interface BankItem { id: string; code: string; area: string; text: string; industry_prefixes: string[]; legal_basis: string; penalty_basis: string }
interface TemplateRow { id: string; name: string; source_types: string[]; bands: Band[]; items: Array<{ item_id: string; weight: number; max_score: number }> }

export async function loadChecklistBank(db: Kysely<DB>): Promise<{ items: BankItem[]; templates: TemplateRow[] }> {
  const items = await db.selectFrom('checklist_items').select(['id', 'code', 'area', 'text', 'industry_prefixes', 'legal_basis', 'penalty_basis']).where('active', '=', true).orderBy('code').execute();
  const templates = await db.selectFrom('checklist_templates').select(['id', 'name', 'source_types', 'bands']).where('status', '=', 'active').where('region_id', 'is', null).orderBy('name').execute();
  const links = await db.selectFrom('checklist_template_items').select(['template_id', 'item_id', 'weight', 'max_score']).orderBy('sort').execute();
  return {
    items,
    templates: templates.map((t) => ({ ...t, items: links.filter((l) => l.template_id === t.id).map((l) => ({ item_id: l.item_id, weight: Number(l.weight), max_score: l.max_score })) })),
  };
}

/** A Shanghai wall-clock time on `day` as a Date. */
function at(day: IsoDate, hour: number, minute = 0): Date {
  return new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
}

const yearOf = (d: IsoDate) => Number(d.slice(0, 4));

export function generateClosedLoop(data: Dataset, bank: { items: BankItem[]; templates: TemplateRow[] }, seed: number, today: IsoDate): ClosedLoopRows {
  const rng = new Rng(seed ^ 0x10a9);
  const year = yearOf(today);
  const out: ClosedLoopRows = {
    calendar_days: [...holidaysOf(year - 1), ...holidaysOf(year)],
    inspection_plans: [], inspections: [], inspection_answers: [], rectification_notices: [], issues: [], issue_events: [], document_counters: [],
  };
  const district = data.regions.find((r) => r.level === 'district')!;
  const itemById = new Map(bank.items.map((i) => [i.id, i]));
  const general = bank.templates.find((t) => t.source_types.includes('industrial'));
  const autoRepair = bank.templates.find((t) => t.source_types.includes('auto_repair'));
  if (!general || !autoRepair) throw new Error('seed: the two platform templates of 0008_checklists are missing');
  const templateFor = (type: string) => (type === 'auto_repair' ? autoRepair : type === 'industrial' ? general : null);
  const admin = data.users.find((u) => u.username === 'admin')!;
  const bureau = data.users.find((u) => u.username === 'bureau')!;
  const townUsers = new Map(data.users.filter((u) => u.role === 'town' && u.region_id).map((u) => [u.region_id!, u]));
  const sourceById = new Map(data.sources.map((s) => [s.id, s]));
  const issueSeq = new Map<string, number>();
  let noticeSeq = 0;
  const start = `${year}-01-05`;
  const end = `${year}-12-18`;
  const span = daysBetween(start, end);

  /** A working day at or after `day` (so nobody inspects on a Sunday). */
  const weekday = (day: IsoDate) => {
    let d = day;
    while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addDays(d, 1);
    return d;
  };

  const visit = (planId: string, sourceId: string, inspectorId: string | null, day: IsoDate, providerId: string | null, night = false) => {
    const source = sourceById.get(sourceId)!;
    const template = templateFor(source.source_type);
    if (!template) return;
    const id = rng.uuid();
    const base = { id, plan_id: planId, source_id: sourceId, template_id: template.id, inspector_id: inspectorId, scheduled_on: day, night, created_by: admin.id };
    if (day >= today || !inspectorId) {
      out.inspections.push(base);
      return;
    }
    const hour = night ? rng.int(20, 22) : rng.int(9, 15);
    const checkedIn = at(day, hour, rng.int(0, 59));
    const answers: Record<string, ItemAnswer> = {};
    const failed: BankItem[] = [];
    // Firms visited before do better; a fail rate of ~4 % per applicable item gives ~2–3 problems a visit.
    for (const ti of template.items) {
      const item = itemById.get(ti.item_id)!;
      const applicable = item.industry_prefixes.length === 0 || item.industry_prefixes.some((p) => source.industry_code.startsWith(p));
      const verdict = !applicable || rng.chance(0.06) ? 'na' : rng.chance(0.04) ? 'fail' : 'pass';
      answers[ti.item_id] = { answer: verdict === 'na' ? 'not_applicable' : verdict === 'fail' ? 'non_compliant' : 'compliant' };
      if (verdict === 'fail') failed.push(item);
      out.inspection_answers.push({ inspection_id: id, item_id: ti.item_id, client_id: rng.uuid(), verdict, score: null, note: verdict === 'fail' ? '现场检查发现不符合，已拍照取证' : null, answered_at: new Date(checkedIn.getTime() + rng.int(5, 90) * 60_000) });
    }
    const score = scoreChecklist(template.items.map((t) => ({ itemId: t.item_id, area: itemById.get(t.item_id)!.area, weight: t.weight, maxScore: t.max_score })), answers, template.bands, INSPECTION_AREA_CODES);
    const submittedAt = new Date(checkedIn.getTime() + rng.int(60, 150) * 60_000);
    out.inspections.push({
      ...base,
      status: 'signed',
      checked_in_at: checkedIn,
      checkin_latitude: source.latitude! + (rng.next() - 0.5) * 0.002,
      checkin_longitude: source.longitude! + (rng.next() - 0.5) * 0.002,
      checkin_accuracy_m: rng.int(5, 30),
      checkin_distance_m: rng.int(10, 120),
      submitted_at: submittedAt,
      submitted_by: inspectorId,
      signer_name: source.contact_name ?? '企业代表',
      signed_at: submittedAt,
      score: score.total,
      max_score: 100,
      result_band: score.band?.label.zh ?? null,
      area_scores: JSON.stringify(storedAreaScores(score.areas)),
    });
    if (failed.length > 0) issuesOf(id, sourceId, inspectorId, providerId, day, checkedIn, failed);
  };

  const issuesOf = (inspectionId: string, sourceId: string, finderId: string, providerId: string | null, day: IsoDate, foundAt: Date, failed: BankItem[]) => {
    const source = sourceById.get(sourceId)!;
    const town = source.park_id ?? source.town_id;
    const townUser = townUsers.get(town) ?? townUsers.get(source.town_id) ?? bureau;
    let noticeId: string | null = null;
    for (const item of failed) {
      const id = rng.uuid();
      const cls = rng.weighted([['on_spot', 18], ['deadline', 78], ['major', 4]] as const);
      const events: Array<[string, string | null, string, Date, string, Record<string, unknown>?]> = [['found', null, 'found', foundAt, finderId]];
      const issue: Insertable<DB['issues']> = {
        id, source_id: sourceId, town_id: town, inspection_id: inspectionId, item_id: item.id, provider_id: providerId, origin: 'inspection', area: item.area,
        description: `【${item.code}】不符合：${item.text}`, responsible_person: source.contact_name ?? null, class: cls,
        legal_basis: item.legal_basis, penalty_basis: item.penalty_basis,
        severity: cls === 'major' ? 'serious' : rng.chance(0.2) ? 'minor' : 'general', found_by: finderId, found_at: foundAt,
      };
      if (cls === 'on_spot') {
        events.push(['fix_on_spot', 'found', 'closed', new Date(foundAt.getTime() + 40 * 60_000), finderId]);
        out.issues.push({ ...issue, measure: '现场立即整改', status: 'closed', closed_at: new Date(foundAt.getTime() + 40 * 60_000) });
        pushEvents(id, events);
        continue;
      }
      const deadline = addDays(day, cls === 'major' ? 60 : rng.pick([15, 30, 30, 45]));
      const confirmer = cls === 'major' ? townUser.id : finderId;
      const registeredAt = new Date(foundAt.getTime() + rng.int(1, 3) * 3600_000);
      const seq = (issueSeq.get(`${town}:${yearOf(day)}`) ?? 0) + 1;
      issueSeq.set(`${town}:${yearOf(day)}`, seq);
      if (!noticeId) {
        noticeId = rng.uuid();
        noticeSeq += 1;
        out.rectification_notices.push({
          id: noticeId, source_id: sourceId, inspection_id: inspectionId, number: noticeNumber(district.name, year, noticeSeq), year, seq: noticeSeq,
          status: 'acknowledged', issued_by: finderId, issued_at: registeredAt, acknowledged_at: new Date(registeredAt.getTime() + 86_400_000),
        });
      }
      events.push(['confirm', 'found', 'confirmed', new Date(foundAt.getTime() + 1800_000), confirmer]);
      events.push(['register', 'confirmed', 'registered', registeredAt, confirmer]);
      events.push(['issue_notice', 'registered', 'rectifying', new Date(registeredAt.getTime() + 600_000), finderId, { deadline }]);
      const rectifying = {
        ...issue, measure: '按整改通知书要求完成整改并提交整改材料', deadline, number: issueNumber(town, yearOf(day), seq), number_year: yearOf(day), number_seq: seq,
        notice_id: noticeId, registered_at: registeredAt, rectification_started_at: registeredAt,
      };
      const age = daysBetween(deadline, today);
      // Outcome by how long ago the deadline was: old ones are nearly all closed; recent ones are under way.
      const outcome = age > 10
        ? rng.weighted([['closed', 95], ['rectifying', 2], ['escalated', cls === 'major' ? 6 : 0.6], ['submitted', 1]] as const)
        : age > -10
          ? rng.weighted([['closed', 45], ['verified', 10], ['submitted', 18], ['rectifying', 22], ['returned', 5]] as const)
          : rng.weighted([['closed', 20], ['submitted', 15], ['rectifying', 65]] as const);
      const returned = outcome !== 'rectifying' && outcome !== 'escalated' && rng.chance(0.07);
      let t = new Date(Math.min(at(addDays(deadline, -rng.int(1, 10)), 10).getTime(), Date.now() - 3 * 86_400_000));
      if (t <= registeredAt) t = new Date(registeredAt.getTime() + 86_400_000);
      const step = (hours: number) => (t = new Date(t.getTime() + hours * 3600_000));
      if (outcome === 'escalated') {
        events.push(['escalate', 'rectifying', 'escalated', step(24 * 12), townUser.id, { caseReference: `闵环执〔${year}〕${rng.int(10, 99)}号` }]);
        out.issues.push({ ...rectifying, status: 'escalated', case_reference: `闵环执〔${year}〕${rng.int(10, 99)}号`, escalation_level: 2 });
      } else if (outcome === 'rectifying') {
        out.issues.push({ ...rectifying, status: 'rectifying', escalation_level: 0 });
      } else {
        events.push(['submit_evidence', 'rectifying', 'submitted', step(0), finderId, { text: '已完成整改，附整改后照片' }]);
        let returns = 0;
        if (returned || outcome === 'returned') {
          events.push(['return', 'submitted', 'returned', step(20), finderId, { reason: '整改材料不全，台账未补齐' }]);
          returns = 1;
          if (outcome !== 'returned') {
            events.push(['resume', 'returned', 'rectifying', step(2), finderId, { deadline }]);
            events.push(['submit_evidence', 'rectifying', 'submitted', step(48), finderId, { text: '已补齐台账' }]);
          }
        }
        if (outcome === 'verified' || outcome === 'closed') events.push(['verify', 'submitted', 'verified', step(30), finderId]);
        if (outcome === 'closed') events.push(['close', 'verified', 'closed', step(20), cls === 'major' ? townUser.id : finderId]);
        out.issues.push({ ...rectifying, status: outcome, return_count: returns, closed_at: outcome === 'closed' ? t : null });
      }
      pushEvents(id, events);
    }
  };

  const pushEvents = (issueId: string, events: Array<[string, string | null, string, Date, string, Record<string, unknown>?]>) => {
    for (const [action, from, to, when, actor, payload] of events) {
      out.issue_events.push({ issue_id: issueId, action, from_status: from, to_status: to, actor_id: actor, note: null, payload: JSON.stringify(payload ?? {}), created_at: when });
    }
  };

  // Annual plans: each provider visits every industrial and auto-repair source it is contracted for once a year.
  for (const provider of data.providers) {
    const inspectors = data.users.filter((u) => u.role === 'inspector' && u.provider_id === provider.id);
    if (inspectors.length === 0) continue;
    const planId = rng.uuid();
    out.inspection_plans.push({
      id: planId, region_id: district.id, region_path: district.path, provider_id: provider.id, name: `${year}年度环保管家全覆盖检查（${provider.name}）`,
      kind: 'annual', year, starts_on: start, ends_on: end, created_by: bureau.id, description: '合同范围内工业企业、汽修企业每年至少现场检查一次（环保体检）',
    });
    const sourceIds = data.links.filter((l) => l.provider_id === provider.id).map((l) => l.source_id)
      .filter((id) => { const s = sourceById.get(id)!; return templateFor(s.source_type) && s.lifecycle_status === 'operating'; });
    sourceIds.forEach((sourceId, n) => {
      const day = weekday(addDays(start, Math.floor(((n + rng.next()) / sourceIds.length) * span)));
      visit(planId, sourceId, inspectors[n % inspectors.length].id, day, provider.id);
    });
  }

  // The demo inspector has visits today and in the coming days (the field form has something to open).
  const demoInspector = data.users.find((u) => u.username === 'inspector')!;
  const pujiangSources = data.links.filter((l) => l.provider_id === demoInspector.provider_id).map((l) => sourceById.get(l.source_id)!)
    .filter((s) => s.source_type === 'industrial' && s.lifecycle_status === 'operating');
  const weekPlan = rng.uuid();
  out.inspection_plans.push({
    id: weekPlan, region_id: district.id, region_path: district.path, provider_id: demoInspector.provider_id, name: `${year}年第${Math.ceil(Number(today.slice(5, 7)) / 3)}季度重点企业复查`,
    kind: 'quarterly', year, quarter: Math.ceil(Number(today.slice(5, 7)) / 3), starts_on: today, ends_on: addDays(today, 30), created_by: bureau.id,
  });
  pujiangSources.slice(0, 6).forEach((s, n) => visit(weekPlan, s.id, demoInspector.id, addDays(today, Math.floor(n / 2)), demoInspector.provider_id));

  // A town's night patrols (夜查) and the bureau's auto-repair campaign (专项).
  const pujiangTown = townUsers.get(data.users.find((u) => u.username === 'town')!.region_id!)!;
  const town = data.regions.find((r) => r.id === pujiangTown.region_id)!;
  const nightPlan = rng.uuid();
  out.inspection_plans.push({ id: nightPlan, region_id: town.id, region_path: town.path, name: `${year}年${town.name}夜间巡查`, kind: 'night_patrol', year, starts_on: `${year}-03-01`, ends_on: end, created_by: pujiangTown.id, description: '针对群众反映夜间异味、噪声的企业开展夜查' });
  data.sources.filter((s) => s.town_id === town.id && s.source_type === 'industrial').slice(0, 12)
    .forEach((s, n) => visit(nightPlan, s.id, pujiangTown.id, weekday(addDays(`${year}-03-02`, n * 25)), null, true));
  const campaign = rng.uuid();
  out.inspection_plans.push({ id: campaign, region_id: district.id, region_path: district.path, name: `${year}年汽修行业VOCs专项检查`, kind: 'special', year, quarter: 2, starts_on: `${year}-04-01`, ends_on: `${year}-06-30`, created_by: bureau.id, description: '喷漆房废气收集处理、危废（废机油、废漆渣）贮存与转移' });
  const repairInspectors = new Map(data.providers.map((p) => [p.id, data.users.find((u) => u.role === 'inspector' && u.provider_id === p.id)]));
  const providerOf = new Map(data.links.map((l) => [l.source_id, l.provider_id]));
  data.sources.filter((s) => s.source_type === 'auto_repair' && s.lifecycle_status === 'operating').slice(0, 40).forEach((s, n) => {
    const provider = providerOf.get(s.id) ?? null;
    visit(campaign, s.id, (provider && repairInspectors.get(provider)?.id) ?? null, weekday(addDays(`${year}-04-01`, n * 2)), provider);
  });

  // The demo enterprise's own story: visited two weeks ago, two problems in rectification under one notice
  // it has not yet acknowledged, and one fixed on the spot (what its portal and the journeys start from).
  const demoEnterprise = data.users.find((u) => u.username === 'enterprise');
  const ownSource = demoEnterprise?.source_id ? sourceById.get(demoEnterprise.source_id) : undefined;
  const ownTemplate = ownSource ? templateFor(ownSource.source_type) : null;
  if (ownSource && ownTemplate) {
    const provider = providerOf.get(ownSource.id) ?? null;
    const finder = (provider && repairInspectors.get(provider)) || demoInspector;
    const day = weekday(addDays(today, -16));
    const id = rng.uuid();
    const checkedIn = at(day, 10, 5);
    const applicable = ownTemplate.items.map((ti) => itemById.get(ti.item_id)!)
      .filter((item) => item.industry_prefixes.length === 0 || item.industry_prefixes.some((p) => ownSource.industry_code.startsWith(p)));
    const failed = [applicable[3], applicable[Math.floor(applicable.length / 2)], applicable[applicable.length - 4]];
    const answers: Record<string, ItemAnswer> = {};
    for (const ti of ownTemplate.items) {
      const item = itemById.get(ti.item_id)!;
      const verdict = failed.includes(item) ? 'fail' : applicable.includes(item) ? 'pass' : 'na';
      answers[ti.item_id] = { answer: verdict === 'na' ? 'not_applicable' : verdict === 'fail' ? 'non_compliant' : 'compliant' };
      out.inspection_answers.push({ inspection_id: id, item_id: ti.item_id, client_id: rng.uuid(), verdict, score: null, note: verdict === 'fail' ? '现场检查发现不符合，已拍照取证' : null, answered_at: new Date(checkedIn.getTime() + 30 * 60_000) });
    }
    const score = scoreChecklist(ownTemplate.items.map((t) => ({ itemId: t.item_id, area: itemById.get(t.item_id)!.area, weight: t.weight, maxScore: t.max_score })), answers, ownTemplate.bands, INSPECTION_AREA_CODES);
    const submittedAt = new Date(checkedIn.getTime() + 95 * 60_000);
    out.inspections.push({
      id, plan_id: (out.inspection_plans.find((p) => p.kind === 'annual' && p.provider_id === provider)?.id as string | undefined) ?? null, source_id: ownSource.id, template_id: ownTemplate.id, inspector_id: finder.id, scheduled_on: day, night: false, created_by: admin.id,
      status: 'signed', checked_in_at: checkedIn, checkin_latitude: ownSource.latitude, checkin_longitude: ownSource.longitude, checkin_accuracy_m: 8, checkin_distance_m: 35,
      submitted_at: submittedAt, submitted_by: finder.id, signer_name: ownSource.contact_name ?? '企业代表', signed_at: submittedAt,
      score: score.total, max_score: 100, result_band: score.band?.label.zh ?? null, area_scores: JSON.stringify(storedAreaScores(score.areas)),
    });
    const town = ownSource.park_id ?? ownSource.town_id;
    const noticeId = rng.uuid();
    const registeredAt = new Date(submittedAt.getTime() + 3600_000);
    noticeSeq += 1;
    out.rectification_notices.push({ id: noticeId, source_id: ownSource.id, inspection_id: id, number: noticeNumber(district.name, year, noticeSeq), year, seq: noticeSeq, status: 'open', issued_by: finder.id, issued_at: registeredAt });
    failed.forEach((item, n) => {
      const issueId = rng.uuid();
      const issue = {
        id: issueId, source_id: ownSource.id, town_id: town, inspection_id: id, item_id: item.id, provider_id: provider, origin: 'inspection' as const, area: item.area,
        description: `【${item.code}】不符合：${item.text}`, responsible_person: ownSource.contact_name ?? null, severity: 'general' as const, found_by: finder.id, found_at: submittedAt,
        legal_basis: item.legal_basis, penalty_basis: item.penalty_basis,
      };
      if (n === 2) {
        out.issues.push({ ...issue, class: 'on_spot', measure: '现场立即整改', status: 'closed', closed_at: new Date(submittedAt.getTime() + 20 * 60_000) });
        pushEvents(issueId, [['found', null, 'found', submittedAt, finder.id], ['fix_on_spot', 'found', 'closed', new Date(submittedAt.getTime() + 20 * 60_000), finder.id]]);
        return;
      }
      const deadline = addDays(today, n === 0 ? 14 : 6);
      const seq = (issueSeq.get(`${town}:${year}`) ?? 0) + 1;
      issueSeq.set(`${town}:${year}`, seq);
      out.issues.push({
        ...issue, class: 'deadline', measure: n === 0 ? '完善台账并张贴标识，提交整改后照片' : '修复设施并提交运行记录', deadline, status: 'rectifying',
        number: issueNumber(town, year, seq), number_year: year, number_seq: seq, notice_id: noticeId, registered_at: registeredAt, rectification_started_at: registeredAt,
      });
      pushEvents(issueId, [
        ['found', null, 'found', submittedAt, finder.id],
        ['confirm', 'found', 'confirmed', new Date(submittedAt.getTime() + 1800_000), finder.id],
        ['register', 'confirmed', 'registered', registeredAt, finder.id],
        ['issue_notice', 'registered', 'rectifying', new Date(registeredAt.getTime() + 600_000), finder.id, { deadline }],
      ]);
    });
  }

  // 复发: the same item failing again at the same source within 12 months of a closure.
  // Inserted in the order found, so the issue a recurrence points at is always stored first.
  out.issues.sort((a, b) => +new Date(a.found_at) - +new Date(b.found_at));
  const lastClosure = new Map<string, { id: string; closedAt: Date }>();
  for (const issue of out.issues) {
    const key = `${issue.source_id}:${issue.item_id}`;
    const prior = lastClosure.get(key);
    const found = new Date(issue.found_at);
    if (prior && prior.closedAt < found && +found - +prior.closedAt < 365 * 86_400_000) issue.recurrence_of = prior.id;
    if (issue.status === 'closed' && issue.closed_at) lastClosure.set(key, { id: issue.id, closedAt: new Date(issue.closed_at as Date) });
  }

  // Numbers follow the order of registration within each town and year, whichever plan found the issue.
  issueSeq.clear();
  const numbered = out.issues.filter((i) => i.number).sort((a, b) => +new Date(a.registered_at as Date) - +new Date(b.registered_at as Date));
  for (const issue of numbered) {
    const key = `${issue.town_id}:${issue.number_year}`;
    const seq = (issueSeq.get(key) ?? 0) + 1;
    issueSeq.set(key, seq);
    Object.assign(issue, { number: issueNumber(issue.town_id, issue.number_year!, seq), number_seq: seq });
  }
  noticeSeq = 0;
  const notices = [...out.rectification_notices].sort((a, b) => +new Date(a.issued_at as Date) - +new Date(b.issued_at as Date));
  for (const notice of notices) {
    noticeSeq += 1;
    Object.assign(notice, { number: noticeNumber(district.name, year, noticeSeq), seq: noticeSeq });
  }
  for (const [key, seq] of issueSeq) {
    const [scope, y] = key.split(':');
    out.document_counters.push({ scope: `issue:${scope}`, year: Number(y), last_seq: seq });
  }
  if (noticeSeq > 0) out.document_counters.push({ scope: `notice:${district.id}`, year, last_seq: noticeSeq });
  return out;
}
