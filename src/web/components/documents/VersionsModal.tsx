import { useState } from 'react';
import { App, Button, Input, Modal, Progress, Tag, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { DocumentView } from '../../../common/contracts/documents';
import { useAsync } from '../../api/hooks';
import { UploadError, documentDownloadUrl, getDocument, uploadDocumentVersion } from '../../api/ops';
import { useI18n } from '../../i18n/lang';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../PageState';
import { ACCEPT, formatBytes, precheck } from './labels';

interface Props {
  doc: DocumentView;
  canChange: boolean;
  onClose: () => void;
  /** A new version was stored (or the document changed meanwhile): the list reloads. */
  onChanged: () => void;
}

/** Every version of one document, each downloadable; a new version is uploaded here. */
export function VersionsModal({ doc, canChange, onClose, onChanged }: Props) {
  const { t, pick, formatTime } = useI18n();
  const { message } = App.useApp();
  const { data, loading, error, reload } = useAsync(() => getDocument(doc.id), [doc.id]);
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const upload = async (file: File) => {
    setUploadError(null);
    const bad = precheck(file);
    if (bad) return setUploadError(t(bad.key, bad.vars));
    setProgress(0);
    try {
      await uploadDocumentVersion(doc.id, file, data?.version ?? doc.version, note.trim() || undefined, (s) => setProgress(Math.round(s * 100)));
      message.success(t('docs.versionAdded'));
      setNote('');
      reload();
      onChanged();
    } catch (e) {
      if (e instanceof UploadError && e.status === 409) {
        setUploadError(t('docs.stale'));
        reload();
        onChanged();
      } else setUploadError(e instanceof UploadError ? pick(e.refused[0]?.message ?? e.messages) : t('error.unexpected'));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Modal open title={t('docs.versionsOf', { title: doc.title })} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <div data-testid="docs-versions">
        {loading && !data ? (
          <LoadingBlock />
        ) : error && !data ? (
          <ErrorBlock error={error} onRetry={reload} />
        ) : !data?.versions.length ? (
          <EmptyBlock />
        ) : (
          <div className="es-doc-versions">
            {[...data.versions].sort((a, b) => b.versionNo - a.versionNo).map((v) => (
              <div key={v.versionNo} className="es-doc-version" data-testid="docs-version">
                <div className="es-doc-version-main">
                  <Tag color={v.versionNo === data.currentVersion.versionNo ? 'green' : undefined}>v{v.versionNo}</Tag>
                  <span className="es-doc-file">{v.fileName}</span>
                  {v.fromEnterprise && <Tag color="purple">{t('docs.fromEnterprise')}</Tag>}
                  <div className="es-muted es-doc-meta">
                    {formatBytes(v.sizeBytes)} · {formatTime(v.uploadedAt)}
                    {v.uploadedBy ? ` · ${v.uploadedBy}` : ''}
                    {v.note ? ` · ${v.note}` : ''}
                  </div>
                  <div className="es-muted es-doc-sha" title="SHA-256">
                    SHA-256 {v.sha256.slice(0, 16)}…
                  </div>
                </div>
                <Button size="small" icon={<DownloadOutlined />} href={documentDownloadUrl(doc.id, v.versionNo)} data-testid="docs-version-download">
                  {t('docs.download')}
                </Button>
              </div>
            ))}
          </div>
        )}
        {canChange && (
          <div className="es-doc-newversion">
            <Input placeholder={t('docs.versionNote')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
            <Upload accept={ACCEPT} showUploadList={false} fileList={[]} beforeUpload={(f) => (void upload(f), false)} disabled={progress !== null}>
              <Button icon={<UploadOutlined />} loading={progress !== null} data-testid="docs-version-upload">
                {t('docs.newVersion')}
              </Button>
            </Upload>
            {progress !== null && <Progress percent={progress} size="small" />}
            {uploadError && (
              <div className="es-doc-upload-error" data-testid="docs-version-error">
                {uploadError}
              </div>
            )}
          </div>
        )}
      </div>
    </Modal>
  );
}
