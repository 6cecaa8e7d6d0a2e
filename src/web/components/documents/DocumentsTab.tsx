import { useState } from 'react';
import { App, Button, Input, Tag } from 'antd';
import { CloudDownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { DocumentCategory, DocumentView } from '../../../common/contracts/documents';
import { ApiError } from '../../api/client';
import { useAsync, useShowError } from '../../api/hooks';
import { archiveZipUrl, deleteDocument, listDocuments } from '../../api/ops';
import { useMe } from '../../app/auth';
import { useI18n } from '../../i18n/lang';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../PageState';
import { BatchUpload } from './BatchUpload';
import { DocumentItem } from './DocumentItem';
import { EditDocumentModal } from './EditDocumentModal';
import { CATEGORIES, CATEGORY_KEY } from './labels';
import { VersionsModal } from './VersionsModal';
import './documents.css';

/**
 * The dossier's documents (档案): grouped by category with their versions and confidentiality,
 * batch upload of scanned archives, new versions, edits, deletion and the whole archive as a ZIP.
 */
export function DocumentsTab({ sourceId, canUpload }: { sourceId: string; canUpload: boolean }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const [category, setCategory] = useState<DocumentCategory | undefined>();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [uploadOpen, setUploadOpen] = useState(false);
  const [editing, setEditing] = useState<DocumentView | null>(null);
  const [versionsOf, setVersionsOf] = useState<DocumentView | null>(null);
  const { data, loading, error, reload } = useAsync(() => listDocuments(sourceId, { category, q: search || undefined }), [sourceId, category, search]);

  // The enterprise keeps the documents it filed itself; what the authorities filed is theirs.
  const canChange = (d: DocumentView) => canUpload && (me.role !== 'enterprise' || d.fromEnterprise);

  const remove = async (d: DocumentView) => {
    try {
      await deleteDocument(d.id, d.version);
      message.success(t('docs.deleted'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) message.warning(t('docs.stale'));
      else showError(e);
    }
    reload();
  };

  const groups = CATEGORIES.map((c) => ({ category: c, docs: (data?.items ?? []).filter((d) => d.category === c) })).filter((g) => g.docs.length > 0);
  const counts = new Map((data?.byCategory ?? []).map((b) => [b.category, b.count]));
  const all = [...counts.values()].reduce((a, b) => a + b, 0);

  return (
    <div className="es-docs" data-testid="docs-tab">
      <div className="es-docs-toolbar">
        <Input.Search
          allowClear
          placeholder={t('docs.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => setSearch(v.trim())}
          className="es-docs-search"
          data-testid="docs-search"
        />
        <div className="es-docs-buttons">
          {canUpload && (
            <Button type={uploadOpen ? 'default' : 'primary'} icon={<UploadOutlined />} onClick={() => setUploadOpen((o) => !o)} data-testid="docs-upload-toggle">
              {uploadOpen ? t('docs.hideUpload') : t('docs.upload')}
            </Button>
          )}
          <Button icon={<CloudDownloadOutlined />} href={archiveZipUrl(sourceId)} data-testid="docs-zip">
            {t('docs.zip')}
          </Button>
        </div>
      </div>
      {canUpload && uploadOpen && <BatchUpload sourceId={sourceId} onUploaded={reload} />}
      {all > 0 && (
        <div className="es-docs-chips" data-testid="docs-categories">
          <Tag.CheckableTag checked={!category} onChange={() => setCategory(undefined)}>
            {t('docs.allCategories')} ({all})
          </Tag.CheckableTag>
          {CATEGORIES.filter((c) => counts.get(c)).map((c) => (
            <Tag.CheckableTag key={c} checked={category === c} onChange={(on) => setCategory(on ? c : undefined)} data-testid={`docs-cat-${c}`}>
              {t(CATEGORY_KEY[c])} ({counts.get(c)})
            </Tag.CheckableTag>
          ))}
        </div>
      )}
      {loading && !data ? (
        <LoadingBlock />
      ) : error && !data ? (
        <ErrorBlock error={error} onRetry={reload} />
      ) : groups.length === 0 ? (
        <EmptyBlock text={search || category ? t('docs.noMatch') : t('docs.none')} />
      ) : (
        <div data-testid="docs-list" data-total={data?.total ?? 0}>
          {groups.map((g) => (
            <section key={g.category} className="es-docs-group" data-testid={`docs-group-${g.category}`}>
              <h4>
                {t(CATEGORY_KEY[g.category])} <span className="es-muted">({g.docs.length})</span>
              </h4>
              {g.docs.map((d) => (
                <DocumentItem
                  key={d.id}
                  doc={d}
                  canChange={canChange(d)}
                  onVersions={() => setVersionsOf(d)}
                  onEdit={() => setEditing(d)}
                  onDelete={() => remove(d)}
                />
              ))}
            </section>
          ))}
        </div>
      )}
      <EditDocumentModal
        doc={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          reload();
        }}
      />
      {versionsOf && <VersionsModal doc={versionsOf} canChange={canChange(versionsOf)} onClose={() => setVersionsOf(null)} onChanged={reload} />}
    </div>
  );
}
