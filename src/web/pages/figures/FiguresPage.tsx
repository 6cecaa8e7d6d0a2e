import { useState } from 'react';
import { Card, DatePicker, Progress, Segmented, Statistic, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import type { FigureGroup, FigureRow } from '../../../common/contracts/reporting';
import { useAsync } from '../../api/hooks';
import { getIssueFigures } from '../../api/reporting';
import { EChart, type ChartOption } from '../../components/EChart';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useIsMobile } from '../../components/useIsMobile';
import { useI18n } from '../../i18n/lang';
import { issueListLink } from './links';
import './figures.css';

const rateColor = (rate: number) => (rate >= 0.95 ? '#2f8f5b' : rate >= 0.8 ? '#d88a2d' : '#c2563f');
const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** 整改统计: rectification rate, overdue and days to close by town/park, provider or area, each figure opening its issues. */
export default function FiguresPage() {
  const { t, pick } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [groupBy, setGroupBy] = useState<FigureGroup>('town');
  const [range, setRange] = useState<[string, string] | null>(null);
  const { data, loading, error, reload } = useAsync(() => getIssueFigures(groupBy, range?.[0], range?.[1]), [groupBy, range?.[0], range?.[1]]);

  const open = (row: FigureRow | null, extra: Record<string, string> = { counted: 'true' }) => navigate(issueListLink(groupBy, row?.key ?? null, { ...extra, ...(range ? { from: range[0], to: range[1] } : {}) }));
  const clickable = (n: number, row: FigureRow | null, extra: Record<string, string>, testId: string) =>
    n === 0 ? <span className="es-muted">0</span> : (
      <a onClick={(e) => { e.stopPropagation(); open(row, extra); }} data-testid={testId}>{n}</a>
    );

  const columns: TableColumnsType<FigureRow> = [
    { title: t(`fig.by.${groupBy}`), key: 'label', render: (_, r) => <strong>{pick(r.label)}</strong>, fixed: 'left', width: 200 },
    { title: t('fig.total'), dataIndex: 'total', align: 'right', width: 90, sorter: (a, b) => a.total - b.total, render: (n, r) => clickable(n, r, { counted: 'true' }, 'fig-total') },
    { title: t('fig.closed'), dataIndex: 'closed', align: 'right', width: 90, sorter: (a, b) => a.closed - b.closed, render: (n, r) => clickable(n, r, { status: 'closed' }, 'fig-closed') },
    {
      title: t('fig.rate'), key: 'rate', width: 180, sorter: (a, b) => (a.rectificationRate ?? 0) - (b.rectificationRate ?? 0),
      render: (_, r) => r.rectificationRate === null ? '—' : <Progress percent={Math.round(r.rectificationRate * 1000) / 10} size="small" strokeColor={rateColor(r.rectificationRate)} format={() => pct(r.rectificationRate)} />,
    },
    { title: t('fig.open'), dataIndex: 'open', align: 'right', width: 90, sorter: (a, b) => a.open - b.open, render: (n, r) => clickable(n, r, { open: 'true' }, 'fig-open') },
    {
      title: t('fig.overdue'), dataIndex: 'overdue', align: 'right', width: 90, sorter: (a, b) => a.overdue - b.overdue,
      render: (n, r) => (n > 0 ? <Tag color="red" onClick={(e) => { e.stopPropagation(); open(r, { overdue: 'true' }); }} style={{ cursor: 'pointer' }} data-testid="fig-overdue">{n}</Tag> : <span className="es-muted">0</span>),
    },
    { title: t('fig.median'), dataIndex: 'medianDaysToClose', align: 'right', width: 110, sorter: (a, b) => (a.medianDaysToClose ?? 0) - (b.medianDaysToClose ?? 0), render: (d: number | null) => (d === null ? '—' : t('fig.days', { n: d })) },
    { title: t('fig.returns'), dataIndex: 'returns', align: 'right', width: 90 },
    { title: t('fig.recurrences'), dataIndex: 'recurrences', align: 'right', width: 90 },
    { title: t('fig.major'), dataIndex: 'major', align: 'right', width: 90 },
    { title: t('fig.escalated'), dataIndex: 'escalated', align: 'right', width: 100 },
  ];

  const rows = data?.rows ?? [];
  const chart: ChartOption = {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map((r) => pick(r.label)), axisLabel: { interval: 0, rotate: rows.length > 6 ? 35 : 0 } },
    yAxis: { type: 'value' },
    series: [
      { type: 'bar', name: t('fig.closed'), stack: 'n', data: rows.map((r) => r.closed), itemStyle: { color: '#2f8f5b' } },
      { type: 'bar', name: t('fig.openNotOverdue'), stack: 'n', data: rows.map((r) => Math.max(0, r.open - r.overdue)), itemStyle: { color: '#f0a44b' } },
      { type: 'bar', name: t('fig.overdue'), stack: 'n', data: rows.map((r) => r.overdue), itemStyle: { color: '#c2563f' } },
    ],
  } as ChartOption;

  return (
    <div data-testid="figures-page">
      <div className="es-page-title es-fig-title">
        <h1>{t('fig.title')}</h1>
        <div className="es-fig-controls">
          <Segmented<FigureGroup>
            value={groupBy}
            onChange={setGroupBy}
            options={[{ value: 'town', label: t('fig.by.town') }, { value: 'provider', label: t('fig.by.provider') }, { value: 'area', label: t('fig.by.area') }]}
            data-testid="fig-group"
          />
          <DatePicker.RangePicker
            allowClear
            onChange={(v) => setRange(v && v[0] && v[1] ? [v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')] : null)}
            presets={[
              { label: t('fig.thisYear'), value: [dayjs().startOf('year'), dayjs()] },
              { label: t('fig.thisQuarter'), value: [dayjs().month(Math.floor(dayjs().month() / 3) * 3).startOf('month'), dayjs()] },
            ]}
          />
        </div>
      </div>
      {loading && !data ? <LoadingBlock /> : error && !data ? <ErrorBlock error={error} onRetry={reload} /> : data && (
        <>
          <Card variant="borderless" style={{ marginBottom: 16 }}>
            <div className="es-fig-totals" data-testid="figures-totals">
              <Statistic title={t('fig.total')} value={data.totals.total} />
              <Statistic title={t('fig.closed')} value={data.totals.closed} />
              <Statistic title={t('fig.rate')} value={pct(data.totals.rectificationRate)} styles={{ content: { color: rateColor(data.totals.rectificationRate ?? 0) } }} data-testid="fig-total-rate" />
              <Statistic title={t('fig.overdue')} value={data.totals.overdue} styles={{ content: { color: data.totals.overdue > 0 ? '#c2563f' : undefined } }} />
              <Statistic title={t('fig.median')} value={data.totals.medianDaysToClose ?? '—'} suffix={data.totals.medianDaysToClose === null ? '' : t('fig.dayUnit')} />
              <Statistic title={t('fig.returns')} value={data.totals.returns} />
              <Statistic title={t('fig.recurrences')} value={data.totals.recurrences} />
            </div>
            <div className="es-muted">{t('fig.hint')}</div>
          </Card>
          {rows.length === 0 ? <Card variant="borderless"><EmptyBlock /></Card> : (
            <>
              {!mobile && (
                <Card variant="borderless" style={{ marginBottom: 16 }}>
                  <EChart option={chart} height={280} ariaLabel={t('fig.title')} onClickItem={(i) => open(rows[i])} testId="figures-chart" />
                </Card>
              )}
              <Card variant="borderless">
                {mobile ? (
                  <div data-testid="figures-cards">
                    {rows.map((r) => (
                      <button type="button" key={r.key ?? 'none'} className="es-fig-card" onClick={() => open(r)} data-testid="figures-row">
                        <div className="es-fig-card-head">
                          <strong>{pick(r.label)}</strong>
                          <span>{t('fig.closedOf', { closed: r.closed, total: r.total })}</span>
                        </div>
                        {r.rectificationRate !== null && <Progress percent={Math.round(r.rectificationRate * 1000) / 10} size="small" strokeColor={rateColor(r.rectificationRate)} format={() => pct(r.rectificationRate)} />}
                        <div className="es-muted">
                          {t('fig.overdue')} {r.overdue} · {t('fig.median')} {r.medianDaysToClose ?? '—'}
                        </div>
                      </button>
                    ))}
                  </div>
                ) : (
                  <Table<FigureRow>
                    rowKey={(r) => r.key ?? 'none'}
                    size="middle"
                    columns={columns}
                    dataSource={rows}
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    data-testid="figures-table"
                    onRow={(r) => ({ onClick: () => open(r), style: { cursor: 'pointer' }, 'data-testid': 'figures-row' }) as React.HTMLAttributes<HTMLElement>}
                  />
                )}
              </Card>
            </>
          )}
        </>
      )}
    </div>
  );
}
