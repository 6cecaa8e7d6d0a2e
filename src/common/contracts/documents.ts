import { z } from 'zod';
import type { Bilingual } from '../enums';

/** 档案类别: a fixed list, in the order the dossier shows them. */
export const DOCUMENT_CATEGORY_LABELS = {
  eia_approval: { zh: '环评批复', en: 'EIA approval' },
  acceptance: { zh: '竣工环保验收', en: 'Completion acceptance' },
  discharge_permit: { zh: '排污许可证', en: 'Discharge permit' },
  execution_report: { zh: '执行报告', en: 'Permit execution report' },
  monitoring_report: { zh: '监测报告', en: 'Monitoring report' },
  emergency_plan: { zh: '应急预案', en: 'Emergency response plan' },
  hazardous_waste: { zh: '危废台账/转移联单', en: 'Hazardous-waste ledger / manifests' },
  solid_waste: { zh: '一般工业固废台账', en: 'General industrial solid-waste ledger' },
  facility_maintenance: { zh: '治理设施运维台账', en: 'Treatment facility O&M ledger' },
  disclosure: { zh: '环境信息依法披露报告', en: 'Environmental information disclosure' },
  inspection_report: { zh: '检查/体检报告', en: 'Inspection report' },
  penalty: { zh: '处罚文书', en: 'Penalty documents' },
  rectification: { zh: '整改材料', en: 'Rectification materials' },
  business_license: { zh: '营业执照', en: 'Business licence' },
  site_plan: { zh: '平面布置图', en: 'Site layout plan' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Bilingual>;
export type DocumentCategory = keyof typeof DOCUMENT_CATEGORY_LABELS;
export const DOCUMENT_CATEGORY = {
  values: Object.keys(DOCUMENT_CATEGORY_LABELS) as [DocumentCategory, ...DocumentCategory[]],
  labels: DOCUMENT_CATEGORY_LABELS as Record<DocumentCategory, Bilingual>,
};

/** 密级: 公开 / 内部 / 秘密. Secret documents are hidden from provider staff, grid cadres and experts. */
export const CONFIDENTIALITY = {
  values: ['public', 'internal', 'secret'] as ['public', 'internal', 'secret'],
  labels: {
    public: { zh: '公开', en: 'Public' },
    internal: { zh: '内部', en: 'Internal' },
    secret: { zh: '秘密', en: 'Secret' },
  } as Record<'public' | 'internal' | 'secret', Bilingual>,
};
export type Confidentiality = (typeof CONFIDENTIALITY.values)[number];

/** Upload limits, shared so the web can check before sending. */
export const UPLOAD_LIMITS = {
  maxFileBytes: 50 * 1024 * 1024,
  maxFilesPerUpload: 200,
} as const;

/** File kinds accepted, each with the extensions it may carry; the content decides the kind, not the name. */
export const FILE_KINDS = {
  pdf: { extensions: ['pdf'], mime: 'application/pdf', label: { zh: 'PDF 文档', en: 'PDF document' } },
  jpeg: { extensions: ['jpg', 'jpeg'], mime: 'image/jpeg', label: { zh: 'JPEG 图片', en: 'JPEG image' } },
  png: { extensions: ['png'], mime: 'image/png', label: { zh: 'PNG 图片', en: 'PNG image' } },
  webp: { extensions: ['webp'], mime: 'image/webp', label: { zh: 'WEBP 图片', en: 'WEBP image' } },
  heic: { extensions: ['heic', 'heif'], mime: 'image/heic', label: { zh: 'HEIC 图片', en: 'HEIC image' } },
  doc: { extensions: ['doc'], mime: 'application/msword', label: { zh: 'Word 文档', en: 'Word document' } },
  xls: { extensions: ['xls'], mime: 'application/vnd.ms-excel', label: { zh: 'Excel 表格', en: 'Excel workbook' } },
  ppt: { extensions: ['ppt'], mime: 'application/vnd.ms-powerpoint', label: { zh: 'PowerPoint 演示文稿', en: 'PowerPoint presentation' } },
  docx: { extensions: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: { zh: 'Word 文档', en: 'Word document' } },
  xlsx: { extensions: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: { zh: 'Excel 表格', en: 'Excel workbook' } },
  pptx: { extensions: ['pptx'], mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: { zh: 'PowerPoint 演示文稿', en: 'PowerPoint presentation' } },
  ofd: { extensions: ['ofd'], mime: 'application/ofd', label: { zh: 'OFD 版式文档', en: 'OFD document' } },
} as const;
export type FileKind = keyof typeof FILE_KINDS;
export const ALLOWED_EXTENSIONS: readonly string[] = Object.values(FILE_KINDS).flatMap((k) => k.extensions);

const isoDate = z.iso.date();

/** The non-file fields of a batch upload (multipart form fields). */
export const UploadFieldsSchema = z.strictObject({
  category: z.enum(DOCUMENT_CATEGORY.values),
  /** Only for a single file; with several files each title is the file's name. */
  title: z.string().trim().min(1).max(200).optional(),
  documentDate: isoDate.optional(),
  confidentiality: z.enum(CONFIDENTIALITY.values).default('internal'),
  /** true: store the good files and report the bad ones; false (default): a bad file refuses the whole batch. */
  partial: z.enum(['true', 'false']).default('false'),
});
export type UploadFields = z.infer<typeof UploadFieldsSchema>;

/** The non-file fields of a new version (multipart form fields). */
export const VersionFieldsSchema = z.strictObject({
  version: z.coerce.number().int().min(1),
  note: z.string().trim().max(500).optional(),
});
export type VersionFields = z.infer<typeof VersionFieldsSchema>;

export const DocumentVersionSchema = z.object({
  versionNo: z.number().int(),
  fileName: z.string(),
  /** What the content was recognised as (not what the name claims). */
  fileKind: z.enum(Object.keys(FILE_KINDS) as [FileKind, ...FileKind[]]),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  note: z.string().nullable(),
  uploadedBy: z.string().nullable(),
  uploaderRole: z.string(),
  /** Uploaded by the enterprise itself (企业上传). */
  fromEnterprise: z.boolean(),
  uploadedAt: z.string(),
});
export type DocumentVersionView = z.infer<typeof DocumentVersionSchema>;

export const DocumentSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  category: z.enum(DOCUMENT_CATEGORY.values),
  title: z.string(),
  documentDate: z.string().nullable(),
  confidentiality: z.enum(CONFIDENTIALITY.values),
  fromEnterprise: z.boolean(),
  currentVersion: DocumentVersionSchema,
  versionCount: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Optimistic-lock version of the record (not the file version). */
  version: z.number().int(),
});
export type DocumentView = z.infer<typeof DocumentSchema>;

export const DocumentDetailSchema = DocumentSchema.extend({ versions: z.array(DocumentVersionSchema) });
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;

export const DocumentListQuerySchema = z.strictObject({
  category: z.enum(DOCUMENT_CATEGORY.values).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuerySchema>;

export const DocumentListSchema = z.object({
  items: z.array(DocumentSchema),
  total: z.number().int(),
  /** Counts of the visible documents per category, over the whole source (not only this page). */
  byCategory: z.array(z.object({ category: z.enum(DOCUMENT_CATEGORY.values), count: z.number().int() })),
});

export const RefusedFileSchema = z.object({
  fileName: z.string(),
  code: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
});
export type RefusedFile = z.infer<typeof RefusedFileSchema>;

export const UploadReportSchema = z.object({
  created: z.array(DocumentSchema),
  refused: z.array(RefusedFileSchema),
});

/** A refused upload: the usual error shape plus every refused file. */
export const UploadErrorSchema = z.object({
  code: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
  field: z.string().optional(),
  refused: z.array(RefusedFileSchema).optional(),
});

export const UpdateDocumentSchema = z.strictObject({
  version: z.number().int().min(1),
  title: z.string().trim().min(1).max(200).optional(),
  category: z.enum(DOCUMENT_CATEGORY.values).optional(),
  confidentiality: z.enum(CONFIDENTIALITY.values).optional(),
  documentDate: isoDate.nullable().optional(),
});
export type UpdateDocument = z.infer<typeof UpdateDocumentSchema>;

export const DeleteDocumentQuerySchema = z.strictObject({ version: z.coerce.number().int().min(1) });

export const DocumentIdParamSchema = z.strictObject({ id: z.uuid() });
export const VersionParamSchema = z.strictObject({ id: z.uuid(), versionNo: z.coerce.number().int().min(1) });
export const DownloadQuerySchema = z.strictObject({ disposition: z.enum(['attachment', 'inline']).default('attachment') });

/** 一企一码: what a printable card shows; the web may render it itself. */
export const QrCardSchema = z.object({
  sourceId: z.string(),
  url: z.string(),
  svg: z.string(),
  name: z.string(),
  uscc: z.string(),
  address: z.string(),
  /** 环保总监 when the dossier names one, else the source's general contact. */
  contactRole: z.enum(['env_director', 'contact']).nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  caption: z.object({ zh: z.string(), en: z.string() }),
});
export type QrCard = z.infer<typeof QrCardSchema>;
