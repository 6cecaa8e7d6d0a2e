/**
 * Labels and client-side checks of the documents tab. The contract's constants live in a zod module
 * (src/common/contracts/documents.ts) that must not enter the bundle, so the lists are mirrored here;
 * the `Record<…>` types make the compiler flag a category or level the mirror lacks.
 */
import type { Confidentiality, DocumentCategory } from '../../../common/contracts/documents';
import type { DictKey } from '../../i18n/dict';

/** In the order the dossier shows them (DOCUMENT_CATEGORY_LABELS). */
export const CATEGORY_KEY: Record<DocumentCategory, DictKey> = {
  eia_approval: 'docs.cat.eia_approval',
  acceptance: 'docs.cat.acceptance',
  discharge_permit: 'docs.cat.discharge_permit',
  execution_report: 'docs.cat.execution_report',
  monitoring_report: 'docs.cat.monitoring_report',
  emergency_plan: 'docs.cat.emergency_plan',
  hazardous_waste: 'docs.cat.hazardous_waste',
  solid_waste: 'docs.cat.solid_waste',
  facility_maintenance: 'docs.cat.facility_maintenance',
  disclosure: 'docs.cat.disclosure',
  inspection_report: 'docs.cat.inspection_report',
  penalty: 'docs.cat.penalty',
  rectification: 'docs.cat.rectification',
  business_license: 'docs.cat.business_license',
  site_plan: 'docs.cat.site_plan',
  other: 'docs.cat.other',
};
export const CATEGORIES = Object.keys(CATEGORY_KEY) as DocumentCategory[];

export const CONFIDENTIALITY_KEY: Record<Confidentiality, DictKey> = {
  public: 'docs.conf.public',
  internal: 'docs.conf.internal',
  secret: 'docs.conf.secret',
};
export const CONFIDENTIALITY_COLOR: Record<Confidentiality, string> = { public: 'green', internal: 'blue', secret: 'red' };
export const CONFIDENTIALITIES = Object.keys(CONFIDENTIALITY_KEY) as Confidentiality[];

/** UPLOAD_LIMITS and the extensions of FILE_KINDS; the server checks the content again. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_FILES = 200;
export const ALLOWED_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'webp', 'heic', 'heif', 'doc', 'xls', 'ppt', 'docx', 'xlsx', 'pptx', 'ofd'];
export const ACCEPT = ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(',');

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** What is wrong with a file before it is sent, or null. */
export function precheck(file: File): { key: DictKey; vars: Record<string, string> } | null {
  if (file.size === 0) return { key: 'docs.err.empty', vars: {} };
  if (file.size > MAX_FILE_BYTES) return { key: 'docs.err.tooBig', vars: { size: formatBytes(file.size), max: formatBytes(MAX_FILE_BYTES) } };
  if (!ALLOWED_EXTENSIONS.includes(extensionOf(file.name))) return { key: 'docs.err.type', vars: { ext: extensionOf(file.name) || '—' } };
  return null;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
