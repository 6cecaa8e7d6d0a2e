import { useState } from 'react';
import { Segmented, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { ImportIssue, ImportRow, LedgerImport } from '../../../common/contracts/ledgers';
import { useAsync } from '../../api/hooks';
import { getImportReport } from '../../api/ops';
import { ErrorBlock } from '../../components/PageState';
import { useIsMobile } from '../../components/useIsMobile';
import { useI18n } from '../../i18n/lang';
import { FIELD_KEY, STATUS_COLOR, STATUS_KEY, type ReportFilter } from './fields';

const PAGE_SIZE = 50;

/** Step 3: the validation report, row by row: status, each bad column and its reason, warnings, and a merge's old → new. */
export function ReportPanel({ batch }: { batch: LedgerImport }) {
  const { t, pick } = useI18n();
  const mobile = useIsMobile();
  const [filter, setFilter] = useState<ReportFilter>(batch.summary.invalid ? 'invalid' : 'all');
  const [page, setPage] = useState(1);
  const { data, loading, error, reload } = useAsync(
    () => getImportReport(batch.importId, { status: filter === 'all' ? undefined : filter, page, pageSize: PAGE_SIZE }),
    [batch.importId, batch.version, filter, page],
  );

  const s = batch.summary;
  const where = (i: ImportIssue) => i.column ?? (i.field ? t('ledger.missingColumn', { field: t(FIELD_KEY[i.field]) }) : '—');
  const issue = (i: ImportIssue, kind: 'error' | 'warning', k: number) => (
    <div key={`${kind}${k}`} className={`es-ledger-issue is-${kind}`} data-testid={`ledger-${kind}`}>
      {kind === 'warning' && <WarningOutlined />} <strong>{where(i)}</strong>：{pick({ zh: i.zh, en: i.en })}
    </div>
  );

  const details = (r: ImportRow) => (
    <div>
      {mobile && (
        <div className="es-ledger-rowname">
          {r.name ?? '—'} <span className="es-muted">{r.uscc ?? ''}</span>
        </div>
      )}
      {r.errors.map((i, k) => issue(i, 'error', k))}
      {r.warnings.map((i, k) => issue(i, 'warning', k))}
      {r.changes.length > 0 && (
        <div className="es-ledger-changes" data-testid="ledger-changes">
          {r.changes.map((c) => (
            <div key={c.field}>
              <span className="es-muted">{t(FIELD_KEY[c.field])}：</span>
              <del>{c.old ?? t('ledger.empty')}</del> → <ins>{c.new ?? t('ledger.empty')}</ins>
            </div>
          ))}
        </div>
      )}
      {r.status === 'duplicate' && r.changes.length === 0 && <span className="es-muted">{t('ledger.identical')}</span>}
      {r.status === 'new' && r.errors.length === 0 && r.warnings.length === 0 && <span className="es-muted">{t('ledger.willCreate')}</span>}
    </div>
  );

  const columns: TableColumnsType<ImportRow> = [
    { title: t('ledger.row'), dataIndex: 'row', width: 64 },
    {
      title: t('ledger.status'),
      dataIndex: 'status',
      width: 96,
      render: (v: ImportRow['status']) => (
        <Tag color={STATUS_COLOR[v]} data-testid="ledger-row-status">
          {t(STATUS_KEY[v])}
        </Tag>
      ),
    },
    ...(mobile
      ? []
      : [
          {
            title: t('ledger.source'),
            key: 'name',
            width: 240,
            render: (_: unknown, r: ImportRow) => (
              <div>
                {r.sourceId ? <Link to={`/sources/${r.sourceId}`}>{r.name ?? '—'}</Link> : (r.name ?? '—')}
                <div className="es-muted es-mono-sm">{r.uscc ?? ''}</div>
              </div>
            ),
          },
        ]),
    { title: t('ledger.details'), key: 'details', render: (_: unknown, r: ImportRow) => details(r) },
  ];

  const options: Array<{ value: ReportFilter; label: string }> = [
    { value: 'all', label: `${t('ledger.filter.all')} ${s.rows}` },
    { value: 'new', label: `${t('ledger.status.new')} ${s.new}` },
    { value: 'duplicate', label: `${t('ledger.status.duplicate')} ${s.duplicate}` },
    { value: 'changed', label: `${t('ledger.filter.changed')} ${s.duplicateChanged}` },
    { value: 'invalid', label: `${t('ledger.status.invalid')} ${s.invalid}` },
    { value: 'warned', label: `${t('ledger.filter.warned')} ${s.warned}` },
  ];

  return (
    <div data-testid="ledger-report">
      <div className="es-ledger-filter">
        <Segmented<ReportFilter>
          value={filter}
          onChange={(v) => {
            setFilter(v);
            setPage(1);
          }}
          options={options}
          size={mobile ? 'small' : 'middle'}
          data-testid="ledger-report-filter"
        />
      </div>
      {error && !data ? (
        <ErrorBlock error={error} onRetry={reload} />
      ) : (
        <Table<ImportRow>
          rowKey="row"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.rows ?? []}
          data-testid="ledger-report-table"
          rowClassName={(r) => `is-${r.status}`}
          onRow={(r) => ({ 'data-row': r.row, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.rowsTotal ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            size: 'small',
            showTotal: (n) => t('common.total', { n }),
          }}
          locale={{ emptyText: loading ? ' ' : t('ledger.noRows') }}
        />
      )}
    </div>
  );
}
