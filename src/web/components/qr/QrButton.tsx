import { useState } from 'react';
import { Button, Modal, Space, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useAsync } from '../../api/hooks';
import { getQrCard, qrPngUrl, qrSvgUrl } from '../../api/ops';
import { useI18n } from '../../i18n/lang';
import { ErrorBlock, LoadingBlock } from '../PageState';

function QrModal({ sourceId, onClose }: { sourceId: string; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { data, loading, error, reload } = useAsync(() => getQrCard(sourceId), [sourceId]);
  return (
    <Modal open title={t('qr.title')} onCancel={onClose} footer={null} width={380} destroyOnHidden>
      <div data-testid="qr-modal" style={{ textAlign: 'center' }}>
        {loading && !data ? (
          <LoadingBlock />
        ) : error && !data ? (
          <ErrorBlock error={error} onRetry={reload} />
        ) : data ? (
          <>
            <div style={{ fontWeight: 600, marginBottom: 8 }}>{data.name}</div>
            <img src={qrSvgUrl(sourceId)} alt={t('qr.alt', { name: data.name })} width={220} height={220} data-testid="qr-image" />
            <div className="es-muted" style={{ margin: '4px 0 8px' }}>
              {pick(data.caption)}
            </div>
            <Typography.Text copyable={{ text: data.url }} style={{ fontSize: 12, wordBreak: 'break-all' }} data-testid="qr-url">
              {data.url}
            </Typography.Text>
            <Space wrap style={{ marginTop: 16, justifyContent: 'center', width: '100%' }}>
              <Button type="primary" icon={<PrinterOutlined />} href={`/sources/${encodeURIComponent(sourceId)}/qr`} target="_blank" data-testid="qr-print">
                {t('qr.print')}
              </Button>
              <Button icon={<DownloadOutlined />} href={qrPngUrl(sourceId)} download data-testid="qr-png">
                {t('qr.png')}
              </Button>
            </Space>
          </>
        ) : null}
      </div>
    </Modal>
  );
}

/** 一企一码: a button that shows the source's QR code, with print and download. */
export function QrButton({ sourceId }: { sourceId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<QrcodeOutlined />} onClick={() => setOpen(true)} data-testid="qr-button">
        {t('qr.button')}
      </Button>
      {open && <QrModal sourceId={sourceId} onClose={() => setOpen(false)} />}
    </>
  );
}
