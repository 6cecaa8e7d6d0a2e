/**
 * Reusable pieces of the product's PDF documents (整改通知书, 体检报告…) on pdfkit: an A4 document with the
 * Chinese font registered (Noto Sans SC from @embedpdf/fonts-sc, SIL Open Font Licence 1.1), a centred
 * official header, label/value rows, wrapped paragraphs, an embedded image with a caption, a signature
 * block, and rendering to one Buffer. Only the glyphs used are embedded (pdfkit subsets the font).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

export type Pdf = PDFKit.PDFDocument;

const require = createRequire(import.meta.url);
let fontDir: string | null = null;

/** The folder of the Noto Sans Hans fonts inside the installed package (its export map only names the JS entry). */
export function cjkFontDir(): string {
  if (!fontDir) fontDir = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  return fontDir;
}

export const FONT = { regular: 'cjk', bold: 'cjk-bold' } as const;
export const MARGIN = 56;

/** A new A4 document with the CJK fonts registered and selected. */
export function createPdf(info: { title: string; subject?: string }): Pdf {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: info.title, Subject: info.subject ?? info.title, Producer: 'EcoSteward 环保管家平台' }, bufferPages: true });
  doc.registerFont(FONT.regular, path.join(cjkFontDir(), 'NotoSansHans-Regular.otf'));
  doc.registerFont(FONT.bold, path.join(cjkFontDir(), 'NotoSansHans-Bold.otf'));
  doc.font(FONT.regular).fontSize(11);
  return doc;
}

/** Collects the document's bytes; call after adding the content. */
export function renderPdf(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Starts a new page when fewer than `height` points are left. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** An official header: the issuing office (small), the title (large, bold), the document number, a rule. */
export function header(doc: Pdf, opts: { office?: string; title: string; number?: string }): void {
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  if (opts.office) doc.font(FONT.regular).fontSize(12).fillColor('#b00000').text(opts.office, x, doc.y, { width, align: 'center' });
  doc.moveDown(0.3).font(FONT.bold).fontSize(20).fillColor('#000000').text(opts.title, x, doc.y, { width, align: 'center' });
  if (opts.number) doc.moveDown(0.3).font(FONT.regular).fontSize(11).text(opts.number, x, doc.y, { width, align: 'center' });
  doc.moveDown(0.4);
  doc.moveTo(x, doc.y).lineTo(x + width, doc.y).lineWidth(1.2).strokeColor('#b00000').stroke();
  doc.strokeColor('#000000').lineWidth(1);
  doc.moveDown(0.8);
}

/** A section heading in bold. */
export function heading(doc: Pdf, text: string, size = 13): void {
  ensureSpace(doc, size * 3);
  doc.font(FONT.bold).fontSize(size).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.font(FONT.regular).fontSize(11).moveDown(0.3);
}

/** A wrapped paragraph. */
export function paragraph(doc: Pdf, text: string, opts: { size?: number; indent?: number; color?: string } = {}): void {
  doc.font(FONT.regular).fontSize(opts.size ?? 11).fillColor(opts.color ?? '#000000');
  doc.text(text, doc.page.margins.left + (opts.indent ?? 0), doc.y, { width: contentWidth(doc) - (opts.indent ?? 0), lineGap: 2 });
  doc.fillColor('#000000');
}

/**
 * Label/value rows like a two-column table: the label in bold on the left, the value wrapped on the
 * right, a thin line under each row. Rows move to the next page as a whole.
 */
export function rows(doc: Pdf, items: ReadonlyArray<[label: string, value: string]>, labelWidth = 90): void {
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  for (const [label, value] of items) {
    doc.font(FONT.regular).fontSize(10.5);
    const h = Math.max(doc.heightOfString(value || '—', { width: width - labelWidth - 8, lineGap: 2 }), 14) + 8;
    ensureSpace(doc, h);
    const top = doc.y;
    doc.font(FONT.bold).fontSize(10.5).text(label, x, top + 4, { width: labelWidth });
    doc.font(FONT.regular).fontSize(10.5).text(value || '—', x + labelWidth + 8, top + 4, { width: width - labelWidth - 8, lineGap: 2 });
    doc.y = top + h;
    doc.moveTo(x, doc.y).lineTo(x + width, doc.y).lineWidth(0.4).strokeColor('#bbbbbb').stroke();
    doc.strokeColor('#000000').lineWidth(1);
  }
  doc.moveDown(0.4);
}

/** An image (JPEG/PNG bytes) fitted into a box, with an optional caption; nothing when the bytes cannot be read. */
export function image(doc: Pdf, bytes: Buffer | null, opts: { width?: number; height?: number; caption?: string } = {}): void {
  if (!bytes) return;
  const w = opts.width ?? 220;
  const h = opts.height ?? 165;
  ensureSpace(doc, h + 24);
  const x = doc.page.margins.left;
  const top = doc.y;
  try {
    doc.image(bytes, x, top, { fit: [w, h] });
  } catch {
    return;
  }
  doc.y = top + h + 2;
  if (opts.caption) doc.font(FONT.regular).fontSize(9).fillColor('#555555').text(opts.caption, x, doc.y, { width: w }).fillColor('#000000');
  doc.moveDown(0.5);
}

/** A signature block: two columns of lines (left and right), e.g. the issuing office and the recipient. */
export function signatureBlock(doc: Pdf, left: readonly string[], right: readonly string[]): void {
  ensureSpace(doc, Math.max(left.length, right.length) * 22 + 30);
  doc.moveDown(1.5);
  const x = doc.page.margins.left;
  const half = contentWidth(doc) / 2;
  const top = doc.y;
  doc.font(FONT.regular).fontSize(11);
  left.forEach((line, i) => doc.text(line, x, top + i * 22, { width: half - 10 }));
  right.forEach((line, i) => doc.text(line, x + half + 10, top + i * 22, { width: half - 10 }));
  doc.y = top + Math.max(left.length, right.length) * 22;
}

/** "第 n 页 / 共 m 页" at the foot of every page (needs bufferPages, which createPdf sets). */
export function pageNumbers(doc: Pdf): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(9).fillColor('#666666')
      .text(`第 ${i + 1} 页 / 共 ${range.count} 页`, doc.page.margins.left, doc.page.height - 36, { width: contentWidth(doc), align: 'center' });
    doc.page.margins.bottom = bottom;
    doc.fillColor('#000000');
  }
}

/** 14:05 in Asia/Shanghai. */
export function shanghaiTime(d: Date | string): string {
  return new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(11, 16);
}

/** 2026年3月5日 in Asia/Shanghai. */
export function chineseDate(d: Date | string): string {
  const s = new Date(new Date(d).getTime() + 8 * 3600_000).toISOString();
  return `${Number(s.slice(0, 4))}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`;
}
