import { Button, Card, Pagination, Table } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { SourceListItem, SourceSort } from '../../../common/contracts/dossier';
import { SOURCE_TYPE, type PermitClass, type SourceType } from '../../../common/enums';
import { listDossierSources, sourcesExportUrl } from '../../api/dossier';
import { useAsync } from '../../api/hooks';
import { canOpen, useMe } from '../../app/auth';
import { EmptyBlock, ErrorBlock } from '../../components/PageState';
import { useIsMobile } from '../../components/useIsMobile';
import { useI18n } from '../../i18n/lang';
import { CREATE_ROLES } from './roles';
import { PAGE_SIZES, filtersFromParams, queryFromParams } from './listParams';
import { SourceCards } from './SourceCards';
import { SourceFilters } from './SourceFilters';
import { CompletenessBar, PermitTag, StatusTag, mono } from './tags';
import './sources.css';

const SORTABLE: Record<string, SourceSort> = { name: 'name', industryCode: 'industryCode', employees: 'employees', updatedAt: 'updatedAt' };

export default function SourceListPage() {
  const { t, tNode, label, formatTime } = useI18n();
  const me = useMe();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const filters = filtersFromParams(params);
  const key = JSON.stringify(query);

  const { data, loading, error, reload } = useAsync(() => listDossierSources(query), [key]);

  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in patch)) next.delete('page'); // a new filter starts at page 1
    setParams(next);
  };

  const sortOrder = (field: string) =>
    query.sort === field ? ('ascend' as const) : query.sort === `-${field}` ? ('descend' as const) : null;

  const columns: TableColumnsType<SourceListItem> = [
    {
      title: t('sources.name'),
      dataIndex: 'name',
      key: 'name',
      fixed: 'left',
      width: 210,
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (v: string, s) => (
        <div>
          <Link to={`/sources/${s.id}`} onClick={(e) => e.stopPropagation()} data-testid="source-link">
            <strong>{v}</strong>
          </Link>
          <div className="es-muted" style={{ ...mono, fontSize: 12 }}>{s.uscc}</div>
        </div>
      ),
    },
    { title: t('sources.type'), dataIndex: 'sourceType', width: 104, render: (v: SourceType) => label(SOURCE_TYPE, v) },
    {
      title: t('dossier.list.industry'),
      dataIndex: 'industryCode',
      key: 'industryCode',
      sorter: true,
      sortOrder: sortOrder('industryCode'),
      render: (v: string, s) => (
        <span title={s.industryName ?? undefined}>
          {v} <span className="es-muted">{s.industryName ?? ''}</span>
        </span>
      ),
      ellipsis: true,
      width: 170,
    },
    { title: t('sources.permit'), dataIndex: 'permitClass', width: 108, render: (v: PermitClass) => <PermitTag value={v} /> },
    { title: t('dossier.status'), dataIndex: 'lifecycleStatus', width: 108, render: (v: string) => <StatusTag value={v} /> },
    {
      title: t('dossier.place'),
      key: 'place',
      width: 160,
      ellipsis: true,
      render: (_: unknown, s) => {
        const place = s.parkName ? `${s.townName} · ${s.parkName}` : s.townName;
        return (
          <div title={`${place} · ${s.gridName}`}>
            <div className="es-ellipsis">{place}</div>
            <div className="es-muted es-ellipsis" style={{ fontSize: 12 }}>{s.gridName}</div>
          </div>
        );
      },
    },
    {
      title: t('dossier.completeness'),
      dataIndex: 'completenessPercent',
      width: 136,
      render: (v: number) => <CompletenessBar percent={v} width={100} />,
    },
    {
      title: t('dossier.list.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 150,
      sorter: true,
      sortOrder: sortOrder('updatedAt'),
      responsive: ['xxl'],
      render: (v: string) => <span className="es-muted">{formatTime(v)}</span>,
    },
  ];

  const onTableChange: TableProps<SourceListItem>['onChange'] = (pagination, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = typeof s?.columnKey === 'string' ? SORTABLE[s.columnKey] : undefined;
    const sort = field && s.order ? (s.order === 'descend' ? `-${field}` : field) : undefined;
    const p = pagination.current ?? 1;
    const size = pagination.pageSize ?? 20;
    const sortChanged = (sort ?? 'name') !== query.sort;
    update({
      sort: sort === 'name' ? undefined : sort,
      page: sortChanged || p === 1 ? undefined : p,
      pageSize: size === 20 ? undefined : size,
    });
  };

  const total = data?.total ?? 0;
  const pager = {
    current: query.page,
    pageSize: query.pageSize,
    total,
    showSizeChanger: !mobile,
    pageSizeOptions: PAGE_SIZES,
    showTotal: (n: number) => t('common.total', { n }),
    responsive: true,
    size: mobile ? ('small' as const) : undefined,
  };

  return (
    <div data-testid="sources-page">
      <div className="es-page-title">
        <div className="es-title-line">
          <h1>{t('sources.title')}</h1>
          <span className="es-muted">
            {tNode('sources.total', { n: <strong data-testid="sources-total">{loading && !data ? '…' : total}</strong> })}
          </span>
        </div>
        <div className="es-page-actions">
          {CREATE_ROLES.includes(me.role) && (
            <Button type="primary" size={mobile ? 'small' : undefined} icon={<PlusOutlined />} data-testid="source-create" onClick={() => navigate('/sources/new')}>
              {t('dossier.list.create')}
            </Button>
          )}
          {canOpen(me.role, 'ledgers') && (
            <Link to="/ledgers/import">
              <Button size={mobile ? 'small' : undefined} icon={<UploadOutlined />} data-testid="sources-import">
                {t('dossier.list.import')}
              </Button>
            </Link>
          )}
          <Button size={mobile ? 'small' : undefined} icon={<DownloadOutlined />} href={sourcesExportUrl({ ...filters, sort: query.sort === 'name' ? undefined : query.sort })} download data-testid="sources-export">
            {t('dossier.list.export')}
          </Button>
        </div>
      </div>
      <Card variant="borderless">
        <SourceFilters filters={filters} onChange={update} />
        {error && !data ? (
          <ErrorBlock error={error} onRetry={reload} />
        ) : mobile ? (
          <>
            <SourceCards items={data?.items ?? []} loading={loading} />
            {total > 0 && (
              <Pagination
                {...pager}
                style={{ marginTop: 12, justifyContent: 'center' }}
                onChange={(p, s) => update({ page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s })}
              />
            )}
          </>
        ) : (
          <Table<SourceListItem>
            data-testid="sources-table"
            rowKey="id"
            size="middle"
            loading={loading}
            columns={columns}
            dataSource={data?.items ?? []}
            scroll={{ x: 1000 }}
            tableLayout="fixed"
            onRow={(s) => ({ onClick: () => navigate(`/sources/${s.id}`), style: { cursor: 'pointer' } })}
            onChange={onTableChange}
            locale={{ emptyText: loading ? ' ' : <EmptyBlock text={t('sources.empty')} /> }}
            pagination={pager}
          />
        )}
      </Card>
    </div>
  );
}
