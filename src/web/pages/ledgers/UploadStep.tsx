import { useState } from 'react';
import { Alert, Button, Progress, Upload } from 'antd';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import type { LedgerImport } from '../../../common/contracts/ledgers';
import { ApiError } from '../../api/client';
import { ledgerTemplateUrl, uploadLedger } from '../../api/ops';
import { useI18n } from '../../i18n/lang';

const MAX_BYTES = 20 * 1024 * 1024; // LEDGER_MAX_FILE_BYTES

/** Step 1: download the template, drop an .xlsx. */
export function UploadStep({ onUploaded }: { onUploaded: (batch: LedgerImport) => void }) {
  const { t, pick } = useI18n();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (file: File) => {
    setError(null);
    if (!/\.xlsx$/i.test(file.name)) return setError(t('ledger.onlyXlsx', { name: file.name }));
    if (file.size > MAX_BYTES) return setError(t('ledger.tooBig', { name: file.name }));
    setProgress(0);
    try {
      onUploaded(await uploadLedger(file, (s) => setProgress(Math.round(s * 100))));
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.messages) : t('error.unexpected'));
    } finally {
      setProgress(null);
    }
  };

  return (
    <div data-testid="ledger-upload-step">
      <div className="es-ledger-template">
        <span>{t('ledger.templateHint')}</span>
        <Button icon={<DownloadOutlined />} href={ledgerTemplateUrl} data-testid="ledger-template">
          {t('ledger.template')}
        </Button>
      </div>
      <div data-testid="ledger-dropzone">
        <Upload.Dragger
          accept=".xlsx"
          multiple={false}
          fileList={[]}
          showUploadList={false}
          beforeUpload={(f) => (void send(f), false)}
          disabled={progress !== null}
        >
          <p className="ant-upload-drag-icon">
            <FileExcelOutlined />
          </p>
          <p className="ant-upload-text">{t('ledger.drop')}</p>
          <p className="ant-upload-hint">{t('ledger.dropHint')}</p>
        </Upload.Dragger>
      </div>
      {progress !== null && (
        <div style={{ marginTop: 12 }}>
          <Progress percent={progress} status="active" />
          <span className="es-muted">{progress >= 100 ? t('ledger.validating') : t('ledger.uploading')}</span>
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="ledger-upload-error" />}
    </div>
  );
}
