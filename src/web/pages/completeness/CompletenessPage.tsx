import { Card, Progress, Statistic, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { CompletenessByTown } from '../../../common/contracts/dossier';
import { useAsync } from '../../api/hooks';
import { getCompletenessByTown } from '../../api/ops';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useIsMobile } from '../../components/useIsMobile';
import { useI18n } from '../../i18n/lang';
import './completeness.css';

type Row = CompletenessByTown['rows'][number];

const rateColor = (rate: number) => (rate >= 90 ? '#2f8f5b' : rate >= 60 ? '#d88a2d' : '#c2563f');

/** 一企一表 建立率: per town and park, the share of sources whose dossier is complete and what is missing most. */
export default function CompletenessPage() {
  const { t, pick } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const { data, loading, error, reload } = useAsync(getCompletenessByTown, []);

  const open = (r: Row) => navigate(`/sources?${r.level === 'park' ? 'parkId' : 'townId'}=${encodeURIComponent(r.regionId)}`);
  const bar = (r: Row) => (
    <Progress percent={r.rate} size="small" strokeColor={rateColor(r.rate)} format={(p) => `${(p ?? 0).toFixed(1)}%`} data-testid="completeness-rate" />
  );
  const missing = (r: Row) => (
    <div className="es-compl-missing">
      {r.topMissing.map((m) => (
        <Tag key={m.key}>
          {pick(m)} <span className="es-muted">{m.count}</span>
        </Tag>
      ))}
    </div>
  );
  const name = (r: Row) => (
    <span>
      <strong>{r.name}</strong> {r.level === 'park' && <Tag color="cyan">{t('compl.park')}</Tag>}
    </span>
  );

  const columns: TableColumnsType<Row> = [
    { title: t('compl.region'), key: 'name', render: (_, r) => name(r), fixed: 'left', width: 180 },
    { title: t('compl.sources'), dataIndex: 'sources', sorter: (a, b) => a.sources - b.sources, width: 100, align: 'right' },
    { title: t('compl.complete'), dataIndex: 'complete', sorter: (a, b) => a.complete - b.complete, width: 100, align: 'right' },
    { title: t('compl.rate'), key: 'rate', sorter: (a, b) => a.rate - b.rate, width: 200, render: (_, r) => bar(r) },
    { title: t('compl.topMissing'), key: 'missing', width: 440, render: (_, r) => missing(r) },
  ];

  if (loading && !data) return <LoadingBlock />;
  if (error && !data) return <ErrorBlock error={error} onRetry={reload} />;
  const rows = data?.rows ?? [];
  return (
    <div data-testid="completeness-page">
      <div className="es-page-title">
        <h1>{t('compl.title')}</h1>
      </div>
      {data && (
        <Card variant="borderless" style={{ marginBottom: 16 }}>
          <div className="es-compl-total" data-testid="completeness-total">
            <Statistic title={t('compl.sources')} value={data.total.sources} />
            <Statistic title={t('compl.complete')} value={data.total.complete} />
            <Statistic title={t('compl.totalRate')} value={data.total.rate} precision={1} suffix="%" styles={{ content: { color: rateColor(data.total.rate) } }} />
          </div>
          <div className="es-muted">{t('compl.hint')}</div>
        </Card>
      )}
      <Card variant="borderless">
        {rows.length === 0 ? (
          <EmptyBlock />
        ) : mobile ? (
          <div data-testid="completeness-cards">
            {rows.map((r) => (
              <button type="button" key={r.regionId} className="es-compl-card" onClick={() => open(r)} data-testid="completeness-row">
                <div className="es-compl-card-head">
                  {name(r)}
                  <span className="es-muted">{t('compl.ofSources', { complete: r.complete, sources: r.sources })}</span>
                </div>
                {bar(r)}
                {missing(r)}
              </button>
            ))}
          </div>
        ) : (
          <Table<Row>
            rowKey="regionId"
            size="middle"
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="completeness-table"
            onRow={(r) => ({ onClick: () => open(r), style: { cursor: 'pointer' }, 'data-testid': 'completeness-row' }) as React.HTMLAttributes<HTMLElement>}
          />
        )}
      </Card>
    </div>
  );
}
