/**
 * The 整改通知书 as a PDF: title and number, the enterprise (name, USCC, address), for each issue its
 * facts, one photo (the server's thumbnail), the legal basis, the required measure and the deadline,
 * then the issuing office, the date and the enterprise's acknowledgement line.
 */
import fsp from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import { chineseDate, createPdf, header, heading, image, pageNumbers, paragraph, renderPdf, rows, signatureBlock } from '../../pdf/document';
import type { FileStore } from '../../storage/file-store';
import { getNotice } from './notices.queries';
import { issuePhotos } from './queries';

async function officeOf(db: Kysely<DB>, sourceId: string): Promise<string> {
  const source = await db.selectFrom('sources').select('region_path').where('id', '=', sourceId).executeTakeFirstOrThrow();
  const districtId = source.region_path.split('/').filter(Boolean)[0];
  const district = await db.selectFrom('regions').select('name').where('id', '=', districtId).executeTakeFirst();
  return `${district?.name ?? ''}生态环境局`;
}

/** The first photo of the issue before rectification (else any), as thumbnail bytes. */
async function photoOf(db: Kysely<DB>, store: FileStore, issue: { id: string; inspection_id: string | null; item_id: string | null }): Promise<Buffer | null> {
  const photos = await issuePhotos(db, issue).orderBy('created_at').execute();
  const pick = photos.find((p) => ['finding', 'item', 'before'].includes(p.purpose)) ?? photos.find((p) => p.purpose !== 'signature');
  if (!pick) return null;
  try {
    return await fsp.readFile(store.pathOf(pick.thumb_sha256 ?? pick.sha256));
  } catch {
    return null;
  }
}

export async function noticePdf(db: Kysely<DB>, store: FileStore, actor: Actor, id: string): Promise<{ number: string; bytes: Buffer }> {
  const notice = await getNotice(db, actor, id);
  const office = await officeOf(db, notice.sourceId);
  const extra = new Map(
    (await db.selectFrom('issues').select(['id', 'inspection_id', 'item_id', 'responsible_person']).where('notice_id', '=', id).execute()).map((r) => [r.id, r]),
  );
  const photos = await Promise.all(notice.issues.map((i) => photoOf(db, store, extra.get(i.id)!)));

  const doc = createPdf({ title: `整改通知书 ${notice.number}`, subject: notice.source.name });
  header(doc, { office, title: '环境问题整改通知书', number: notice.number });
  paragraph(doc, `${notice.source.name}：`, { size: 12 });
  doc.moveDown(0.3);
  paragraph(
    doc,
    `经检查，你单位存在下列环境问题。请依照有关法律法规的规定，按所列整改措施于期限内完成整改，并通过环保管家平台提交整改材料（说明及整改后照片）。逾期未整改或整改不到位的，将依法移交执法部门处理。`,
    { indent: 0 },
  );
  doc.moveDown(0.5);
  rows(doc, [
    ['单位名称', notice.source.name],
    ['统一社会信用代码', notice.source.uscc],
    ['地址', notice.source.address],
    ['下发日期', chineseDate(notice.issuedAt)],
  ], 110);

  notice.issues.forEach((issue, i) => {
    heading(doc, `问题${i + 1}${issue.number ? `（编号 ${issue.number}）` : ''}`);
    rows(doc, [
      ['问题事实', issue.description],
      ['责任人', extra.get(issue.id)?.responsible_person ?? ''],
      ['法律依据', issue.legalBasis ?? ''],
      ['整改措施', issue.measure ?? '按相关规定整改到位'],
      ['整改期限', issue.deadline ? `${chineseDate(`${issue.deadline}T00:00:00+08:00`)}前` : ''],
    ]);
    image(doc, photos[i], { caption: `问题${i + 1} 现场照片` });
  });

  signatureBlock(
    doc,
    [`下发单位：${office}（盖章）`, `经办人：${notice.issuedBy ?? ''}`, `日期：${chineseDate(notice.issuedAt)}`],
    [
      '企业签收：',
      `签收人：${notice.acknowledgedBy ?? '________________'}`,
      `签收日期：${notice.acknowledgedAt ? chineseDate(notice.acknowledgedAt) : '______年____月____日'}`,
    ],
  );
  pageNumbers(doc);
  return { number: notice.number, bytes: await renderPdf(doc) };
}
