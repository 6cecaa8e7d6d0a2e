import { useEffect, useMemo, useState } from 'react';
import { Card, Input, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PERMIT_CLASS, REGION_LEVEL, SOURCE_TYPE, type PermitClass, type SourceType } from '../../common/enums';
import { listSources, type SourceSummary } from '../api/endpoints';
import { useAsync } from '../api/hooks';
import { regionsAtLevels, useRegionTree } from '../api/regions';
import { EmptyBlock, ErrorBlock } from '../components/PageState';
import { useIsMobile } from '../components/useIsMobile';
import { canOpen, useMe } from '../app/auth';
import { useI18n } from '../i18n/lang';

const PERMIT_TAG: Record<PermitClass, string> = { key: 'red', simplified: 'orange', registration: 'green', none: 'default' };
const PAGE_SIZES = [10, 20, 50, 100];

function positive(v: string | null, fallback: number) {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export default function SourcesPage() {
  const { t, tNode, label } = useI18n();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const townId = params.get('townId') ?? '';
  const typeParam = params.get('sourceType');
  const sourceType = typeParam && (SOURCE_TYPE.values as string[]).includes(typeParam) ? (typeParam as SourceType) : undefined;
  const page = positive(params.get('page'), 1);
  const pageSize = Math.min(positive(params.get('pageSize'), 20), 200);

  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const { data, loading, error, reload } = useAsync(
    () => listSources({ q: q || undefined, townId: townId || undefined, sourceType, page, pageSize }),
    [q, townId, sourceType, page, pageSize],
  );

  // Town/park filter options come from the region tree (absent for roles that cannot read it).
  const me = useMe();
  const tree = useRegionTree(canOpen(me.role, 'regions'));
  const townOptions = useMemo(
    () =>
      regionsAtLevels(tree.roots ?? [], ['town', 'park']).map((n) => ({
        value: n.id,
        label: n.level === 'park' ? `${n.name}（${label(REGION_LEVEL, 'park')}）` : n.name,
      })),
    [tree.roots, label],
  );

  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in patch)) next.delete('page'); // a new filter starts at page 1
    setParams(next);
  };

  const columns: TableColumnsType<SourceSummary> = [
    { title: t('sources.name'), dataIndex: 'name', fixed: 'left', width: mobile ? 130 : 200, render: (v: string) => <strong>{v}</strong> },
    { title: t('sources.uscc'), dataIndex: 'uscc', render: (v: string) => <span style={{ fontFamily: 'ui-monospace, monospace' }}>{v}</span> },
    { title: t('sources.type'), dataIndex: 'sourceType', render: (v: SourceType) => label(SOURCE_TYPE, v) },
    { title: t('sources.industry'), dataIndex: 'industryCode' },
    {
      title: t('sources.permit'),
      dataIndex: 'permitClass',
      render: (v: PermitClass) => <Tag color={PERMIT_TAG[v]}>{label(PERMIT_CLASS, v)}</Tag>,
    },
    { title: t('sources.town'), dataIndex: 'townName' },
    { title: t('sources.grid'), dataIndex: 'gridName' },
    { title: t('sources.address'), dataIndex: 'address', width: 260, ellipsis: { showTitle: true } },
  ];

  const total = data?.total ?? 0;
  return (
    <div data-testid="sources-page">
      <div className="es-page-title">
        <h1>{t('sources.title')}</h1>
        <span className="es-muted">
          {tNode('sources.total', { n: <strong data-testid="sources-total">{loading && !data ? '…' : total}</strong> })}
        </span>
      </div>
      <Card variant="borderless">
        <div className="es-filters">
          <Input.Search
            data-testid="sources-search"
            allowClear
            placeholder={t('sources.search')}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (!e.target.value && q) update({ q: undefined });
            }}
            onSearch={(v) => update({ q: v.trim() || undefined })}
            style={{ width: 280 }}
            maxLength={64}
          />
          {townOptions.length > 0 && (
            <Select
              data-testid="sources-town"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('sources.allTowns')}
              value={townId || undefined}
              options={townOptions}
              onChange={(v?: string) => update({ townId: v })}
              style={{ width: 200 }}
            />
          )}
          <Select
            data-testid="sources-type"
            allowClear
            placeholder={t('sources.allTypes')}
            value={sourceType}
            options={SOURCE_TYPE.values.map((s) => ({ value: s, label: label(SOURCE_TYPE, s) }))}
            onChange={(v?: SourceType) => update({ sourceType: v })}
            style={{ width: 160 }}
          />
        </div>
        {error && !data ? (
          <ErrorBlock error={error} onRetry={reload} />
        ) : (
          <Table<SourceSummary>
            data-testid="sources-table"
            rowKey="id"
            size="middle"
            loading={loading}
            columns={columns}
            dataSource={data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: loading ? ' ' : <EmptyBlock text={t('sources.empty')} /> }}
            pagination={{
              current: page,
              pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (n) => t('common.total', { n }),
              onChange: (p, s) => update({ page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s }),
              responsive: true,
            }}
          />
        )}
      </Card>
    </div>
  );
}
