/**
 * The 体检报告 of one inspection as a PDF: the enterprise and the visit, the score per area and in total
 * with its result band (较好 / 一般 / 不合格), the non-compliant items with their notes, the issues found
 * (number, facts, class, deadline, legal basis), up to twelve field photos, and the signatures.
 * Only submitted inspections have a report; before that the answers are not final.
 */
import fsp from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { ISSUE_CLASS, ISSUE_STATUS } from '../../../common/issue-workflow';
import { AppError } from '../../http/errors';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import { chineseDate, createPdf, shanghaiTime, header, heading, image, pageNumbers, paragraph, renderPdf, rows, signatureBlock } from '../../pdf/document';
import type { FileStore } from '../../storage/file-store';
import { issuesOfInspection } from '../issues';
import { getInspectionDetail } from './detail';

const MAX_PHOTOS = 12;

async function readThumb(store: FileStore, sha: string | null): Promise<Buffer | null> {
  if (!sha) return null;
  try {
    return await fsp.readFile(store.pathOf(sha));
  } catch {
    return null;
  }
}

async function officeOf(db: Kysely<DB>, inspectionId: string): Promise<string> {
  const row = await db
    .selectFrom('inspections')
    .leftJoin('inspection_plans', 'inspection_plans.id', 'inspections.plan_id')
    .leftJoin('providers', 'providers.id', 'inspection_plans.provider_id')
    .leftJoin('regions', 'regions.id', 'inspection_plans.region_id')
    .select(['providers.name as provider', 'regions.name as region', 'regions.level as level'])
    .where('inspections.id', '=', inspectionId)
    .executeTakeFirst();
  if (row?.provider) return row.provider;
  if (row?.region) return row.level === 'district' ? `${row.region}生态环境局` : `${row.region}环保办`;
  return '环保管家平台';
}

export async function inspectionReportPdf(db: Kysely<DB>, store: FileStore, actor: Actor, id: string): Promise<{ fileName: string; bytes: Buffer }> {
  const inspection = await getInspectionDetail(db, actor, id);
  if (inspection.status !== 'submitted' && inspection.status !== 'signed') {
    throw new AppError(409, 'inspection_not_submitted', '检查尚未提交，提交后才能生成体检报告', 'The inspection has not been submitted; the report exists once it is');
  }
  const office = await officeOf(db, id);
  const issues = await issuesOfInspection(db, id);
  const photoRows = await db
    .selectFrom('evidence_photos')
    .select(['id', 'purpose', 'item_id', 'thumb_sha256', 'sha256', 'captured_at'])
    .where('inspection_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const items = new Map(inspection.template.items.map((i) => [i.itemId, i]));

  const doc = createPdf({ title: `企业环境体检报告 ${inspection.sourceName}`, subject: inspection.sourceName });
  header(doc, { office, title: '企业环境体检报告', number: `检查日期：${chineseDate(`${inspection.scheduledOn}T12:00:00+08:00`)}` });
  rows(doc, [
    ['受检单位', inspection.source.name],
    ['地址', inspection.source.address],
    ['所属街镇', inspection.townName],
    ['检查计划', inspection.planName ?? '—'],
    ['检查表', inspection.template.name],
    ['检查人员', inspection.inspectorName ?? '—'],
    ['签到时间', inspection.checkedInAt ? `${chineseDate(inspection.checkedInAt)} ${shanghaiTime(inspection.checkedInAt)}` : '—'],
    ['提交时间', inspection.submittedAt ? `${chineseDate(inspection.submittedAt)} ${shanghaiTime(inspection.submittedAt)}` : '—'],
  ], 90);

  heading(doc, '一、体检结论');
  const total = inspection.score === null ? '—' : `${inspection.score.toFixed(1)} 分`;
  paragraph(doc, `综合得分 ${total}，评价结果：${inspection.resultBand ?? '—'}。共检查 ${inspection.answers.length} 项，其中不符合 ${inspection.answers.filter((a) => a.verdict === 'fail').length} 项、不适用 ${inspection.answers.filter((a) => a.verdict === 'na').length} 项；发现问题 ${issues.length} 个。`);
  doc.moveDown(0.4);
  rows(doc, (inspection.areaScores ?? []).filter((a) => a.items > 0).map((a) => [
    a.label.zh,
    `${a.score === null ? '不适用' : `${a.score.toFixed(1)} 分`}（检查 ${a.answered} 项，不符合 ${a.nonCompliant} 项）`,
  ]), 110);

  const failed = inspection.answers.filter((a) => a.verdict === 'fail');
  if (failed.length > 0) {
    heading(doc, '二、不符合项');
    failed.forEach((a, n) => {
      const item = items.get(a.itemId);
      paragraph(doc, `${n + 1}. 【${item?.code ?? ''}】${item?.text ?? ''}${a.note ? `\n   现场情况：${a.note}` : ''}`, { size: 10.5 });
      doc.moveDown(0.2);
    });
  }

  if (issues.length > 0) {
    heading(doc, `${failed.length > 0 ? '三' : '二'}、发现的问题及整改要求`);
    issues.forEach((issue, n) => {
      doc.moveDown(0.2);
      paragraph(doc, `问题${n + 1}${issue.number ? `（${issue.number}）` : ''}`, { size: 11 });
      rows(doc, [
        ['问题事实', issue.description],
        ['类别', `${ISSUE_CLASS.labels[issue.class as keyof typeof ISSUE_CLASS.labels]?.zh ?? issue.class} · 当前状态：${ISSUE_STATUS.labels[issue.status as keyof typeof ISSUE_STATUS.labels]?.zh ?? issue.status}`],
        ['整改措施', issue.measure ?? '—'],
        ['整改期限', issue.deadline ? `${chineseDate(`${issue.deadline}T12:00:00+08:00`)}前` : issue.class === 'on_spot' ? '现场整改' : '—'],
        ['法律依据', issue.legal_basis ?? '—'],
      ]);
    });
  }

  const fieldPhotos = photoRows.filter((p) => p.purpose === 'item' || p.purpose === 'finding').slice(0, MAX_PHOTOS);
  if (fieldPhotos.length > 0) {
    heading(doc, '现场照片');
    for (const p of fieldPhotos) {
      const item = p.item_id ? items.get(p.item_id) : undefined;
      const when = p.captured_at ? `${chineseDate(p.captured_at)} ${shanghaiTime(p.captured_at)}` : '';
      image(doc, await readThumb(store, p.thumb_sha256 ?? p.sha256), { width: 200, height: 150, caption: `${item ? `【${item.code}】` : '自由发现'} ${when}` });
    }
  }

  const signature = photoRows.find((p) => p.purpose === 'signature');
  signatureBlock(doc, [`检查单位：${office}`, `检查人员：${inspection.inspectorName ?? ''}`, `日期：${inspection.submittedAt ? chineseDate(inspection.submittedAt) : ''}`], [`企业代表：${inspection.signerName ?? ''}`, '签字：']);
  if (signature) image(doc, await readThumb(store, signature.sha256), { width: 160, height: 60 });
  pageNumbers(doc);
  return { fileName: `体检报告-${inspection.sourceName}-${inspection.scheduledOn}.pdf`, bytes: await renderPdf(doc) };
}
