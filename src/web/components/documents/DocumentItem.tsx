import { Button, Popconfirm, Tag, Tooltip } from 'antd';
import type { ButtonProps } from 'antd';
import { DeleteOutlined, DownloadOutlined, EditOutlined, EyeOutlined, HistoryOutlined } from '@ant-design/icons';
import type { DocumentView } from '../../../common/contracts/documents';
import { documentDownloadUrl } from '../../api/ops';
import { useI18n } from '../../i18n/lang';
import { CONFIDENTIALITY_COLOR, CONFIDENTIALITY_KEY, formatBytes } from './labels';

interface Props {
  doc: DocumentView;
  /** The actor may rename, re-version and delete this document. */
  canChange: boolean;
  onVersions: () => void;
  onEdit: () => void;
  onDelete: () => Promise<void>;
}

const VIEWABLE = ['pdf', 'jpeg', 'png', 'webp'];

/** One document: title, tags, current version and its actions. */
export function DocumentItem({ doc, canChange, onVersions, onEdit, onDelete }: Props) {
  const { t, formatTime } = useI18n();
  const v = doc.currentVersion;
  return (
    <div className="es-doc-item" data-testid="docs-item" data-doc-id={doc.id}>
      <div className="es-doc-item-main">
        <div className="es-doc-title">
          <strong>{doc.title}</strong>
          <Tag color={CONFIDENTIALITY_COLOR[doc.confidentiality]} data-testid="docs-confidentiality">
            {t(CONFIDENTIALITY_KEY[doc.confidentiality])}
          </Tag>
          {doc.fromEnterprise && <Tag color="purple">{t('docs.fromEnterprise')}</Tag>}
          <Tag>v{v.versionNo}</Tag>
        </div>
        <div className="es-muted es-doc-meta">
          {v.fileName} · {formatBytes(v.sizeBytes)} · {formatTime(v.uploadedAt)}
          {doc.documentDate ? ` · ${t('docs.dated', { date: doc.documentDate })}` : ''}
        </div>
      </div>
      <div className="es-doc-actions">
        {VIEWABLE.includes(v.fileKind) && (
          <Tooltip title={t('docs.view')}>
            <Button size="small" type="text" icon={<EyeOutlined />} href={documentDownloadUrl(doc.id, v.versionNo, true)} target="_blank" aria-label={t('docs.view')} />
          </Tooltip>
        )}
        <Tooltip title={t('docs.download')}>
          <Button size="small" type="text" icon={<DownloadOutlined />} href={documentDownloadUrl(doc.id, v.versionNo)} aria-label={t('docs.download')} data-testid="docs-download" />
        </Tooltip>
        <Tooltip title={t('docs.versions')}>
          <Button size="small" type="text" icon={<HistoryOutlined />} onClick={onVersions} aria-label={t('docs.versions')} data-testid="docs-versions-open">
            {doc.versionCount > 1 ? doc.versionCount : null}
          </Button>
        </Tooltip>
        {canChange && (
          <>
            <Tooltip title={t('common.edit')}>
              <Button size="small" type="text" icon={<EditOutlined />} onClick={onEdit} aria-label={t('common.edit')} data-testid="docs-edit" />
            </Tooltip>
            <Popconfirm
              title={t('docs.deleteConfirm', { title: doc.title })}
              okText={t('docs.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'docs-delete-ok' } as ButtonProps}
              onConfirm={onDelete}
            >
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('docs.delete')} data-testid="docs-delete" />
            </Popconfirm>
          </>
        )}
      </div>
    </div>
  );
}
