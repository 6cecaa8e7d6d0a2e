import { ALLOWED_EXTENSIONS, FILE_KINDS, type FileKind } from '../../../common/contracts/documents';
import type { Bilingual } from '../../../common/enums';

/**
 * Recognises a file by its bytes (magic numbers, and for Office/OFD containers the names of the
 * parts inside), never by its name alone: a renamed .exe is refused.
 */
const HEAD_BYTES = 8192;

// Names that only the genuine container holds. OLE2 directory entries are UTF-16LE; ZIP entry names
// appear in clear in the local headers and the central directory.
const MARKERS = {
  oleWord: Buffer.from('WordDocument', 'utf16le'),
  oleExcel: Buffer.from('Workbook', 'utf16le'),
  olePowerPoint: Buffer.from('PowerPoint Document', 'utf16le'),
  zipContentTypes: Buffer.from('[Content_Types].xml', 'latin1'),
  zipWord: Buffer.from('word/document.xml', 'latin1'),
  zipExcel: Buffer.from('xl/workbook.xml', 'latin1'),
  zipPowerPoint: Buffer.from('ppt/presentation.xml', 'latin1'),
  zipOfd: Buffer.from('OFD.xml', 'latin1'),
} as const;
type Marker = keyof typeof MARKERS;
const LONGEST_MARKER = Math.max(...Object.values(MARKERS).map((m) => m.length));

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1']);

/** Watches a file's bytes as they stream in; then tells what the file is. */
export class FileSniffer {
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);
  private readonly found = new Set<Marker>();

  push(chunk: Buffer): void {
    if (this.head.length < HEAD_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    const window = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    for (const [name, marker] of Object.entries(MARKERS) as Array<[Marker, Buffer]>) {
      if (!this.found.has(name) && window.includes(marker)) this.found.add(name);
    }
    this.tail = Buffer.from(window.subarray(Math.max(0, window.length - (LONGEST_MARKER - 1))));
  }

  /** The recognised kind, or what the bytes look like instead (for the refusal message). */
  detect(): { kind: FileKind } | { kind: null; seen: Bilingual } {
    const h = this.head;
    const starts = (bytes: number[], at = 0) => bytes.every((b, i) => h[at + i] === b);
    const ascii = (from: number, to: number) => h.subarray(from, to).toString('latin1');
    // Executables first: a PDF header hidden in an .exe's first kilobyte must not pass it off as a PDF.
    if (starts([0x4d, 0x5a])) return { kind: null, seen: { zh: 'Windows 可执行程序', en: 'a Windows executable' } };
    if (starts([0x7f, 0x45, 0x4c, 0x46])) return { kind: null, seen: { zh: 'Linux 可执行程序', en: 'a Linux executable' } };
    if (h.subarray(0, 1024).includes(Buffer.from('%PDF-'))) return { kind: 'pdf' };
    if (starts([0xff, 0xd8, 0xff])) return { kind: 'jpeg' };
    if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'png' };
    if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { kind: 'webp' };
    if (ascii(4, 8) === 'ftyp' && this.ftypBrands().some((b) => HEIC_BRANDS.has(b))) return { kind: 'heic' };
    if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
      if (this.found.has('oleWord')) return { kind: 'doc' };
      if (this.found.has('oleExcel')) return { kind: 'xls' };
      if (this.found.has('olePowerPoint')) return { kind: 'ppt' };
      return { kind: null, seen: { zh: '非 Word/Excel/PowerPoint 的 OLE 复合文件', en: 'an OLE compound file that is not Word, Excel or PowerPoint' } };
    }
    if (starts([0x50, 0x4b, 0x03, 0x04])) {
      if (this.found.has('zipOfd')) return { kind: 'ofd' };
      if (this.found.has('zipContentTypes')) {
        if (this.found.has('zipWord')) return { kind: 'docx' };
        if (this.found.has('zipExcel')) return { kind: 'xlsx' };
        if (this.found.has('zipPowerPoint')) return { kind: 'pptx' };
      }
      return { kind: null, seen: { zh: 'ZIP 压缩包', en: 'a ZIP archive' } };
    }
    if (starts([0x52, 0x61, 0x72, 0x21])) return { kind: null, seen: { zh: 'RAR 压缩包', en: 'a RAR archive' } };
    if (starts([0x37, 0x7a, 0xbc, 0xaf])) return { kind: null, seen: { zh: '7z 压缩包', en: 'a 7z archive' } };
    return { kind: null, seen: { zh: '无法识别的内容', en: 'unrecognised content' } };
  }

  private ftypBrands(): string[] {
    if (this.head.length < 12) return [];
    const boxSize = this.head.readUInt32BE(0);
    const end = Math.min(boxSize, this.head.length);
    const brands = [this.head.subarray(8, 12).toString('latin1')];
    for (let at = 16; at + 4 <= end; at += 4) brands.push(this.head.subarray(at, at + 4).toString('latin1'));
    return brands;
  }
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** Kinds that may stand in for one another's extension: a .jpg holding PNG bytes, a .doc saved as .docx. */
const FAMILY: Record<FileKind, string> = {
  pdf: 'pdf', ofd: 'ofd',
  jpeg: 'image', png: 'image', webp: 'image', heic: 'image',
  doc: 'word', docx: 'word', xls: 'excel', xlsx: 'excel', ppt: 'powerpoint', pptx: 'powerpoint',
};

export function kindOfExtension(ext: string): FileKind | null {
  for (const [kind, spec] of Object.entries(FILE_KINDS) as Array<[FileKind, (typeof FILE_KINDS)[FileKind]]>) {
    if ((spec.extensions as readonly string[]).includes(ext)) return kind;
  }
  return null;
}

export type TypeVerdict = { ok: true; kind: FileKind } | { ok: false; code: string; reason: Bilingual };

/** Decides whether a file whose name is `fileName` and whose bytes the sniffer saw may be stored. */
export function judgeType(fileName: string, sniffer: FileSniffer): TypeVerdict {
  const ext = extensionOf(fileName);
  const allowed = ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(' ');
  if (!ext || !ALLOWED_EXTENSIONS.includes(ext)) {
    return {
      ok: false,
      code: 'type_not_allowed',
      reason: {
        zh: `不允许的文件类型${ext ? ` .${ext}` : '（无扩展名）'}；允许：${allowed}`,
        en: `file type ${ext ? `.${ext}` : '(no extension)'} is not allowed; allowed: ${allowed}`,
      },
    };
  }
  const detected = sniffer.detect();
  if (detected.kind === null) {
    return {
      ok: false,
      code: 'content_mismatch',
      reason: {
        zh: `扩展名为 .${ext}，但文件内容是${detected.seen.zh}，不是允许的类型`,
        en: `the name ends in .${ext} but the content is ${detected.seen.en}, not an allowed type`,
      },
    };
  }
  const claimed = kindOfExtension(ext)!;
  if (FAMILY[claimed] !== FAMILY[detected.kind]) {
    const label = FILE_KINDS[detected.kind].label;
    return {
      ok: false,
      code: 'content_mismatch',
      reason: { zh: `扩展名为 .${ext}，但文件内容是${label.zh}，请核对文件`, en: `the name ends in .${ext} but the content is a ${label.en}; check the file` },
    };
  }
  return { ok: true, kind: detected.kind };
}
