import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { ZipArchive } from 'archiver';
import ExcelJS from 'exceljs';
import QRCode from 'qrcode';

/** Test helpers for the documents suites: sample files of every accepted type (and some impostors), a form builder, a ZIP reader. */

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const zip = new ZipArchive();
  const chunks: Buffer[] = [];
  zip.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve, reject) => {
    zip.on('end', resolve);
    zip.on('error', reject);
  });
  for (const [name, text] of Object.entries(entries)) zip.append(text, { name });
  await zip.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** Minimal files whose first bytes (and container parts) are those of the real formats; `tag` makes each unique. */
export const samples = {
  pdf: (tag = '') => Buffer.from(`%PDF-1.7\n% ${tag}\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n`),
  jpeg: (tag = '') => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from(`JFIF\0${tag}`), Buffer.from([0xff, 0xd9])]),
  png: (tag = '') => QRCode.toBuffer(`png ${tag}`),
  webp: (tag = '') => Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x20, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.from(tag.padEnd(20, '.'))]),
  heic: (tag = '') => {
    const ftyp = Buffer.alloc(24);
    ftyp.writeUInt32BE(24, 0);
    ftyp.write('ftypheic', 4, 'latin1');
    ftyp.write('mif1heic', 16, 'latin1');
    return Buffer.concat([ftyp, Buffer.from(`mdat${tag}`)]);
  },
  doc: (tag = '') => {
    const header = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    return Buffer.concat([header, Buffer.from('Root Entry', 'utf16le'), Buffer.alloc(40), Buffer.from('WordDocument', 'utf16le'), Buffer.from(tag)]);
  },
  docx: (tag = '') => zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': `<w:document>${tag}</w:document>` }),
  pptx: (tag = '') => zipOf({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': `<p:presentation>${tag}</p:presentation>` }),
  ofd: (tag = '') => zipOf({ 'OFD.xml': `<ofd:OFD>${tag}</ofd:OFD>`, 'Doc_0/Document.xml': '<ofd:Document/>' }),
  xlsx: async (tag = '') => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('台账').addRow(['样本', tag]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  },
  exe: (tag = '') => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from(`This program cannot be run in DOS mode.${tag}`)]),
  plainZip: (tag = '') => zipOf({ 'readme.txt': `hello ${tag}` }),
};

export interface FormFile {
  name: string;
  content: Buffer;
}

export function form(files: FormFile[], fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  for (const file of files) data.append('files', new Blob([new Uint8Array(file.content)]), file.name);
  return data;
}

export interface ZipEntry {
  name: string;
  utf8Flag: boolean;
  method: number;
  data: Buffer;
}

/** Reads a ZIP through its central directory (no ZIP64; what the archive endpoint writes for test-sized files). */
export function readZip(zip: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i -= 1) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    entries.push({ name, utf8Flag: (flags & 0x0800) !== 0, method, data: method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
