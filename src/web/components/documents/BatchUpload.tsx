import { useRef, useState } from 'react';
import { Button, DatePicker, Form, Progress, Select, Space, Upload } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, InboxOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { Confidentiality, DocumentCategory } from '../../../common/contracts/documents';
import { UploadError, uploadDocument } from '../../api/ops';
import { useI18n } from '../../i18n/lang';
import { ACCEPT, CATEGORIES, CATEGORY_KEY, CONFIDENTIALITIES, CONFIDENTIALITY_KEY, MAX_FILES, formatBytes, precheck } from './labels';

type Status = 'pending' | 'uploading' | 'done' | 'error';
interface Item {
  uid: string;
  file: File;
  status: Status;
  progress: number;
  error?: string;
}

const PARALLEL = 3;
let seq = 0;

/**
 * Scanning paper archives: drop many files at once, choose the category and confidentiality for the
 * batch, and watch each file go up with its own progress bar and its own error message.
 */
export function BatchUpload({ sourceId, onUploaded }: { sourceId: string; onUploaded: () => void }) {
  const { t, pick } = useI18n();
  const [items, setItems] = useState<Item[]>([]);
  const [category, setCategory] = useState<DocumentCategory>('other');
  const [confidentiality, setConfidentiality] = useState<Confidentiality>('internal');
  const [date, setDate] = useState<Dayjs | null>(null);
  const [running, setRunning] = useState(false);
  const queue = useRef<Item[]>([]);

  const patch = (uid: string, p: Partial<Item>) => setItems((prev) => prev.map((i) => (i.uid === uid ? { ...i, ...p } : i)));

  const add = (file: File) => {
    setItems((prev) => {
      if (prev.length >= MAX_FILES) return prev;
      const bad = precheck(file);
      const item: Item = { uid: `f${++seq}`, file, status: bad ? 'error' : 'pending', progress: 0, error: bad ? t(bad.key, bad.vars) : undefined };
      return [...prev, item];
    });
    return false;
  };

  const start = async () => {
    const pending = items.filter((i) => i.status === 'pending');
    if (!pending.length) return;
    setRunning(true);
    queue.current = [...pending];
    const fields = { category, confidentiality, documentDate: date ? date.format('YYYY-MM-DD') : undefined };
    const worker = async () => {
      for (let item = queue.current.shift(); item; item = queue.current.shift()) {
        const uid = item.uid;
        patch(uid, { status: 'uploading', progress: 0 });
        try {
          const report = await uploadDocument(sourceId, item.file, fields, (share) => patch(uid, { progress: Math.round(share * 100) }));
          if (report.refused.length) patch(uid, { status: 'error', error: pick(report.refused[0].message) });
          else patch(uid, { status: 'done', progress: 100 });
        } catch (e) {
          const msg = e instanceof UploadError ? pick(e.refused[0]?.message ?? e.messages) : t('error.unexpected');
          patch(uid, { status: 'error', error: msg });
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    setRunning(false);
    onUploaded();
  };

  const pendingCount = items.filter((i) => i.status === 'pending').length;
  const doneCount = items.filter((i) => i.status === 'done').length;
  const failedCount = items.filter((i) => i.status === 'error').length;

  return (
    <div className="es-doc-upload" data-testid="docs-upload">
      <Form layout="vertical" className="es-doc-upload-fields">
        <Form.Item label={t('docs.category')} style={{ marginBottom: 8 }}>
          <Select
            data-testid="docs-upload-category"
            value={category}
            onChange={setCategory}
            options={CATEGORIES.map((c) => ({ value: c, label: t(CATEGORY_KEY[c]) }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item label={t('docs.confidentiality')} style={{ marginBottom: 8 }}>
          <Select
            data-testid="docs-upload-confidentiality"
            value={confidentiality}
            onChange={setConfidentiality}
            options={CONFIDENTIALITIES.map((c) => ({ value: c, label: t(CONFIDENTIALITY_KEY[c]) }))}
          />
        </Form.Item>
        <Form.Item label={t('docs.documentDate')} style={{ marginBottom: 8 }}>
          <DatePicker value={date} onChange={setDate} style={{ width: '100%' }} data-testid="docs-upload-date" />
        </Form.Item>
      </Form>
      <div data-testid="docs-dropzone">
        <Upload.Dragger multiple accept={ACCEPT} fileList={[]} showUploadList={false} beforeUpload={add} disabled={running}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('docs.drop')}</p>
          <p className="ant-upload-hint">{t('docs.dropHint', { max: MAX_FILES })}</p>
        </Upload.Dragger>
      </div>
      {items.length > 0 && (
        <div className="es-doc-upload-list" data-testid="docs-upload-list">
          {items.map((i) => (
            <div key={i.uid} className={`es-doc-upload-item is-${i.status}`} data-testid="docs-upload-item" data-status={i.status}>
              <div className="es-doc-upload-name">
                {i.status === 'done' && <CheckCircleFilled style={{ color: '#2f8f5b' }} />}
                {i.status === 'error' && <CloseCircleFilled style={{ color: '#c2563f' }} />}
                <span title={i.file.name}>{i.file.name}</span>
                <span className="es-muted">{formatBytes(i.file.size)}</span>
              </div>
              {i.status === 'uploading' && <Progress percent={i.progress} size="small" />}
              {i.status === 'error' && (
                <div className="es-doc-upload-error" data-testid="docs-upload-error">
                  {i.error}
                </div>
              )}
            </div>
          ))}
        </div>
      )}
      <Space wrap style={{ marginTop: 8 }}>
        <Button type="primary" onClick={() => void start()} disabled={!pendingCount} loading={running} data-testid="docs-upload-start">
          {t('docs.uploadN', { n: pendingCount })}
        </Button>
        {items.length > 0 && !running && (
          <Button onClick={() => setItems([])} data-testid="docs-upload-clear">
            {t('docs.clearList')}
          </Button>
        )}
        {(doneCount > 0 || failedCount > 0) && (
          <span className="es-muted" data-testid="docs-upload-summary">
            {t('docs.uploadSummary', { done: doneCount, failed: failedCount })}
          </span>
        )}
      </Space>
    </div>
  );
}
