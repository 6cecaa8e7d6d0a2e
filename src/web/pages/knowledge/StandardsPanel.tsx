import { useMemo, useState } from 'react';
import { Collapse, Input, Segmented, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { Standard, StandardRow } from '../../../common/contracts/reference';
import { listStandards } from '../../api/dossier';
import { useAsync } from '../../api/hooks';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useIsMobile } from '../../components/useIsMobile';
import type { DictKey } from '../../i18n/dict';
import { useI18n } from '../../i18n/lang';
import { Highlight, searchWords } from './Highlight';

const MEDIUM_KEY: Record<Standard['medium'], DictKey> = { gas: 'kn.std.medium.gas', water: 'kn.std.medium.water', noise: 'kn.std.medium.noise' };

function limitText(r: StandardRow): string {
  if (r.limitText) return r.limitText;
  if (r.limitLower !== null && r.limitValue !== null) return `${r.limitLower}~${r.limitValue}`;
  return r.limitValue === null ? '—' : String(r.limitValue);
}

/** 排放标准: standard → table → rows with their limits (GET /api/standards, shared with the outlet-limit picker). */
export function StandardsPanel() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const { data, loading, error, reload } = useAsync(() => listStandards(), []);
  const [filter, setFilter] = useState('');
  const standards = data?.items ?? [];
  const standard = standards.find((s) => s.id === params.get('id')) ?? standards[0];
  const tableKey = params.get('table');
  const table = standard?.tables.find((x) => x.key === tableKey) ?? standard?.tables[0];
  const words = searchWords(filter);
  const rows = useMemo(() => {
    const lower = searchWords(filter).map((w) => w.toLowerCase());
    return (table?.rows ?? []).filter((r) => {
      const hay = `${r.pollutantName} ${r.condition ?? ''}`.toLowerCase();
      return lower.every((w) => hay.includes(w));
    });
  }, [table, filter]);

  if (error && !data) return <ErrorBlock error={error} onRetry={reload} />;
  if (loading && !data) return <LoadingBlock />;
  if (!standard || !table) return <EmptyBlock />;

  const pick = (id: string, tableKey?: string) => setParams(tableKey ? { id, table: tableKey } : { id }, { replace: true });
  const limitCell = (r: StandardRow) => (
    <span className="es-kn-limit">
      <strong>{limitText(r)}</strong> <span className="es-muted">{r.unit}</span>
      {r.referenceO2Percent !== null && <Tag className="es-kn-o2">{t('kn.std.o2', { n: r.referenceO2Percent })}</Tag>}
    </span>
  );
  const columns: TableColumnsType<StandardRow> = [
    { title: t('kn.std.pollutant'), dataIndex: 'pollutantName', width: 180, render: (v: string) => <Highlight text={v} words={words} /> },
    { title: t('kn.std.condition'), dataIndex: 'condition', render: (v: string | null) => (v ? <Highlight text={v} words={words} /> : '—') },
    { title: t('kn.std.limit'), key: 'limit', width: 220, render: (_, r) => limitCell(r) },
  ];

  return (
    <div data-testid="kn-standards">
      <Select
        className="es-kn-std-select"
        value={standard.id}
        onChange={(id) => pick(id)}
        aria-label={t('kn.std.pick')}
        data-testid="kn-std-select"
        options={standards.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
        popupMatchSelectWidth={false}
      />
      <div className="es-kn-std-meta">
        <Tag>{t(MEDIUM_KEY[standard.medium])}</Tag>
        {!standard.verified && <Tag color="orange">{t('kn.std.unverified')}</Tag>}
        <span className="es-muted">{t('kn.source', { source: standard.source })}</span>
      </div>
      {standard.notes.length > 0 && (
        <Collapse
          size="small"
          className="es-kn-alert"
          key={standard.id}
          items={[
            {
              key: 'notes',
              label: t('kn.std.notesN', { n: standard.notes.length }),
              children: (
                <ul className="es-kn-notes">
                  {standard.notes.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
      {standard.tables.length > 1 &&
        (mobile ? (
          <Select className="es-kn-std-select" value={table.key} onChange={(k) => pick(standard.id, k)} options={standard.tables.map((x) => ({ value: x.key, label: x.name }))} data-testid="kn-std-table" />
        ) : (
          <Segmented className="es-kn-std-tables" value={table.key} onChange={(k) => pick(standard.id, String(k))} options={standard.tables.map((x) => ({ value: x.key, label: x.name }))} data-testid="kn-std-table" />
        ))}
      {table.applies && <div className="es-muted es-kn-applies">{table.applies}</div>}
      <Input allowClear className="es-kn-search" placeholder={t('kn.std.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="kn-std-filter" />
      <div className="es-muted es-kn-count">{t('kn.std.rows', { n: rows.length })}</div>
      {mobile ? (
        <div data-testid="kn-std-rows">
          {rows.length === 0 && <EmptyBlock />}
          {rows.slice(0, 300).map((r) => (
            <div key={r.key} className="es-kn-std-row" data-testid="kn-std-row">
              <div className="es-kn-std-row-head">
                <strong>
                  <Highlight text={r.pollutantName} words={words} />
                </strong>
                {limitCell(r)}
              </div>
              {r.condition && (
                <div className="es-muted">
                  <Highlight text={r.condition} words={words} />
                </div>
              )}
            </div>
          ))}
        </div>
      ) : (
        <Table<StandardRow> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={{ pageSize: 100, hideOnSinglePage: true }} data-testid="kn-std-rows" />
      )}
    </div>
  );
}
