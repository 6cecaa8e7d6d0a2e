import { ZipArchive } from 'archiver';
import type { Kysely } from 'kysely';
import { CONFIDENTIALITY, DOCUMENT_CATEGORY, type DocumentView } from '../../../common/contracts/documents';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import { AppError } from '../../http/errors';
import type { FileStore } from '../../storage/file-store';
import { currentDocumentsOf, sourceForActor } from './queries';

/** Formats that are compressed already: stored as they are, deflating them only costs time. */
const ALREADY_COMPRESSED = new Set(['jpeg', 'png', 'webp', 'heic', 'docx', 'xlsx', 'pptx', 'ofd']);

/** A name safe on Windows, macOS and Linux: no separators, reserved characters, or trailing dots. */
export function safeName(name: string, max = 120): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/[. ]+$/, '')
    .trim();
  const short = (cleaned || '_').slice(0, max);
  // Windows cannot create files named after devices (CON, NUL, COM1…), whatever the extension.
  return /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(short) ? `_${short}` : short;
}

/** `01_环评批复`: numbered so file managers list the folders in the dossier's order. */
function folderOf(category: DocumentView['category']): string {
  const index = DOCUMENT_CATEGORY.values.indexOf(category) + 1;
  return `${String(index).padStart(2, '0')}_${safeName(DOCUMENT_CATEGORY.labels[category].zh.replace(/\//g, '、'))}`;
}

function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  return match ? `.${match[1].toLowerCase()}` : '';
}

/** One CSV cell; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

interface Entry {
  document: DocumentView;
  path: string;
}

/** Gives every document a unique path `folder/title.ext` inside the ZIP. */
function layout(documents: DocumentView[]): Entry[] {
  const taken = new Set<string>();
  return documents.map((document) => {
    const folder = folderOf(document.category);
    const ext = extensionOf(document.currentVersion.fileName);
    const base = safeName(document.title);
    let path = `${folder}/${base}${ext}`;
    for (let n = 2; taken.has(path.toLowerCase()); n += 1) path = `${folder}/${base} (${n})${ext}`;
    taken.add(path.toLowerCase());
    return { document, path };
  });
}

function indexCsv(entries: Entry[]): string {
  const header = ['类别', '标题', '文件日期', '版本', '密级', '文件名', '原始文件名', '大小(字节)', 'SHA-256'];
  const rows = entries.map(({ document: d, path }) => [
    DOCUMENT_CATEGORY.labels[d.category].zh,
    d.title,
    d.documentDate,
    d.currentVersion.versionNo,
    CONFIDENTIALITY.labels[d.confidentiality].zh,
    path,
    d.currentVersion.fileName,
    d.currentVersion.sizeBytes,
    d.currentVersion.sha256,
  ]);
  // The BOM makes Excel read the file as UTF-8.
  return '\ufeff' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Prepares the enterprise's archive (一企一档 打包下载): the current version of every document the
 * actor may see, in folders by category, with 目录.csv and dossier.json. Checks every file exists
 * before a byte is sent, and records the export in the audit log.
 */
export async function prepareArchive(db: Kysely<DB>, store: FileStore, actor: Actor, sourceId: string) {
  const source = await sourceForActor(db, actor, sourceId);
  const documents = await currentDocumentsOf(db, actor, sourceId);
  const entries = layout(documents);
  for (const { document } of entries) {
    if (!(await store.exists(document.currentVersion.sha256))) {
      throw new AppError(
        500,
        'file_missing',
        `档案「${document.title}」的文件在存储中缺失，请联系管理员`,
        `The file of document "${document.title}" is missing from storage; contact the administrator`,
      );
    }
  }
  const totalBytes = entries.reduce((sum, e) => sum + e.document.currentVersion.sizeBytes, 0);
  await db.transaction().execute((trx) =>
    writeAudit(trx, actor, {
      action: 'source.archive_export',
      entityType: 'source',
      entityId: sourceId,
      after: { documents: entries.length, bytes: totalBytes, sha256: entries.map((e) => e.document.currentVersion.sha256) },
    }),
  );
  const exportedAt = new Date();
  const { version: _version, ...basic } = source;
  const dossier = {
    exportedAt: exportedAt.toISOString(),
    exportedBy: actor.username,
    source: basic,
    documents: entries.map(({ document: d, path }) => ({
      path,
      id: d.id,
      category: d.category,
      categoryName: DOCUMENT_CATEGORY.labels[d.category].zh,
      title: d.title,
      documentDate: d.documentDate,
      confidentiality: d.confidentiality,
      versionNo: d.currentVersion.versionNo,
      originalName: d.currentVersion.fileName,
      sizeBytes: d.currentVersion.sizeBytes,
      sha256: d.currentVersion.sha256,
    })),
  };
  const stamp = exportedAt.toISOString().slice(0, 10);
  return {
    fileName: `${safeName(source.name, 80)}-一企一档-${stamp}.zip`,
    /** Starts writing the ZIP; the returned stream is what the response sends. */
    stream(): ZipArchive {
      const zip = new ZipArchive({ zlib: { level: 6 } });
      zip.append(indexCsv(entries), { name: '目录.csv', date: exportedAt });
      zip.append(JSON.stringify(dossier, null, 2), { name: 'dossier.json', date: exportedAt });
      for (const { document: d, path } of entries) {
        zip.append(store.openReadLazily(d.currentVersion.sha256), {
          name: path,
          date: new Date(d.currentVersion.uploadedAt),
          store: ALREADY_COMPRESSED.has(d.currentVersion.fileKind),
        });
      }
      void zip.finalize().catch((error: unknown) => zip.destroy(error as Error));
      return zip;
    },
  };
}
