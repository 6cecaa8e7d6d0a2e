import { useState } from 'react';
import { Button, Card, Collapse, Steps, Tag } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import type { LedgerImport } from '../../../common/contracts/ledgers';
import { useAsync } from '../../api/hooks';
import { getImportReport, ledgerTemplateUrl } from '../../api/ops';
import { ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useIsMobile } from '../../components/useIsMobile';
import { useI18n } from '../../i18n/lang';
import { CommitPanel, ImportResultView, type Outcome } from './CommitPanel';
import { MappingPanel } from './MappingPanel';
import { ReportPanel } from './ReportPanel';
import { UploadStep } from './UploadStep';
import './ledgers.css';

const STEP_KEYS = ['ledger.step.upload', 'ledger.step.mapping', 'ledger.step.report', 'ledger.step.commit'] as const;

/** The batch (without report rows) behind ?id=: reload-safe, shareable with a colleague of the same organisation. */
function Batch({ importId, fresh }: { importId: string; fresh: LedgerImport | null }) {
  const { t, formatTime } = useI18n();
  const mobile = useIsMobile();
  const [tick, setTick] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>('earlier');
  const [local, setLocal] = useState<LedgerImport | null>(fresh);
  const { data, loading, error, reload } = useAsync(() => getImportReport(importId, { page: 1, pageSize: 1 }), [importId, tick]);
  // A mapping change answers with the new batch at once; the report reloads behind it.
  const batch = local && (!data || local.version >= data.version) ? local : data;

  if (!batch) return loading ? <LoadingBlock /> : error ? <ErrorBlock error={error} onRetry={reload} /> : null;
  const committed = batch.status === 'committed';
  const needsMapping = batch.missingRequiredFields.length > 0;
  const current = committed ? 3 : 2;
  const s = batch.summary;

  return (
    <>
      {mobile ? (
        <div className="es-muted es-ledger-stepline">{t('ledger.stepOf', { n: current + 1, step: t(STEP_KEYS[current]) })}</div>
      ) : (
        <Steps
          size="small"
          current={current}
          style={{ marginBottom: 16 }}
          items={STEP_KEYS.map((k, i) => ({ title: t(k), status: i === 1 && !committed && batch.missingRequiredFields.length ? 'error' : undefined }))}
        />
      )}
      <Card variant="borderless" className="es-ledger-card">
        <div className="es-ledger-file" data-testid="ledger-file">
          <strong>{batch.fileName}</strong>
          <Tag color={committed ? 'green' : 'blue'}>{committed ? t('ledger.committed') : t('ledger.staged')}</Tag>
          <span className="es-muted">
            {t('ledger.uploadedBy', { who: batch.createdBy, at: formatTime(batch.createdAt), rows: s.rows })}
          </span>
        </div>
        {committed && batch.result ? (
          <>
            <ImportResultView result={batch.result} outcome={outcome} />
            <div style={{ marginTop: 16, display: 'flex', gap: 8, flexWrap: 'wrap' }}>
              <Link to="/sources">
                <Button type="primary">{t('ledger.viewSources')}</Button>
              </Link>
              <Link to="/ledgers/import">
                <Button>{t('ledger.another')}</Button>
              </Link>
            </div>
          </>
        ) : (
          <>
            <Collapse
              defaultActiveKey={needsMapping ? ['mapping'] : []}
              style={{ marginBottom: 16 }}
              items={[
                {
                  key: 'mapping',
                  label: (
                    <span>
                      {t('ledger.step.mapping')}{' '}
                      {batch.unmappedHeaders.length > 0 && <Tag color="orange">{t('ledger.unmappedN', { n: batch.unmappedHeaders.length })}</Tag>}
                      {batch.missingRequiredFields.length > 0 && <Tag color="red">{t('ledger.missingN', { n: batch.missingRequiredFields.length })}</Tag>}
                    </span>
                  ),
                  children: (
                    <MappingPanel
                      batch={batch}
                      onMapped={(b) => {
                        setLocal(b);
                        setTick((n) => n + 1);
                      }}
                    />
                  ),
                },
              ]}
            />
            <ReportPanel batch={batch} />
            <CommitPanel
              batch={batch}
              onCommitted={(r) => {
                setOutcome(r ? 'replayed' : 'done');
                setLocal(null);
                setTick((n) => n + 1);
              }}
            />
          </>
        )}
      </Card>
    </>
  );
}

/** 台账导入: template, upload, column mapping, validation report, commit. */
export default function LedgerImportPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const importId = params.get('id');
  const [fresh, setFresh] = useState<LedgerImport | null>(null);

  return (
    <div data-testid="ledger-import-page">
      <div className="es-page-title">
        <div className="es-ledger-titleline">
          <Link to="/sources">
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('ledger.back')} />
          </Link>
          <h1>{t('ledger.title')}</h1>
        </div>
        <Button icon={<DownloadOutlined />} href={ledgerTemplateUrl}>
          {t('ledger.template')}
        </Button>
      </div>
      {importId ? (
        <Batch key={importId} importId={importId} fresh={fresh?.importId === importId ? fresh : null} />
      ) : (
        <Card variant="borderless">
          <UploadStep
            onUploaded={(b) => {
              setFresh(b);
              setParams({ id: b.importId });
            }}
          />
        </Card>
      )}
    </div>
  );
}
