import { Card, Checkbox, Input, List, Pagination, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { IssueListQuery, IssueRow } from '../../../common/contracts/issues';
import { ISSUE_ORIGIN } from '../../../common/contracts/issues';
import { INSPECTION_AREA, INSPECTION_AREA_CODES } from '../../../common/inspection-areas';
import { ISSUE_CLASS, ISSUE_STATUS } from '../../../common/issue-workflow';
import { listIssues } from '../../api/issues';
import { useAsync } from '../../api/hooks';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useIsMobile } from '../../components/useIsMobile';
import { useI18n } from '../../i18n/lang';
import { ClassTag, OverdueTag, RecurrenceTag, StatusTag } from './labels';
import { NoticesPanel } from './NoticesPanel';

/** 问题清单: filterable table on a desktop, cards on a phone; the notices in the second tab. */
export default function IssuesPage() {
  const { t } = useI18n();
  return (
    <div data-testid="issues-page">
      <Typography.Title level={4}>{t('issue.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'issues', label: t('issue.tabIssues'), children: <IssueList /> },
          { key: 'notices', label: <span data-testid="tab-notices">{t('issue.tabNotices')}</span>, children: <NoticesPanel /> },
        ]}
      />
    </div>
  );
}

function IssueList() {
  const { t, label, pick, formatTime } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  // The filters live in the address, so a figure's link opens the list already filtered and the back button works.
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const set = (patch: Partial<IssueListQuery>) => {
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...query, ...patch, page: patch.page ?? 1 })) if (v !== undefined && v !== null && v !== '') next[k] = String(v);
    if (next.page === '1') delete next.page;
    if (next.pageSize === '20') delete next.pageSize;
    setParams(next, { replace: true });
  };
  const { data, loading, error, reload } = useAsync(() => listIssues(query), [params.toString()]);
  const drill = query.townId || query.providerId || query.from || query.to || query.counted;
  const range = query.from || query.to ? t('issue.drillRange', { from: query.from ?? '…', to: query.to ?? '…' }) : null;

  const filters = (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search allowClear placeholder={t('issue.search')} style={{ width: mobile ? 330 : 280 }} onSearch={(q) => set({ q: q || undefined })} data-testid="issue-search" />
      <Select
        allowClear
        placeholder={t('issue.filterStatus')}
        style={{ width: 140 }}
        value={query.status}
        onChange={(v) => set({ status: v })}
        options={ISSUE_STATUS.values.map((v) => ({ value: v, label: label(ISSUE_STATUS, v) }))}
        data-testid="issue-filter-status"
      />
      <Select allowClear placeholder={t('issue.filterClass')} style={{ width: 130 }} value={query.class} onChange={(v) => set({ class: v })}
        options={ISSUE_CLASS.values.map((v) => ({ value: v, label: label(ISSUE_CLASS, v) }))} />
      <Select allowClear placeholder={t('issue.filterArea')} style={{ width: 150 }} value={query.area} onChange={(v) => set({ area: v })}
        options={INSPECTION_AREA_CODES.map((v) => ({ value: v, label: label(INSPECTION_AREA, v) }))} />
      <Select allowClear placeholder={t('issue.filterOrigin')} style={{ width: 120 }} value={query.origin} onChange={(v) => set({ origin: v })}
        options={ISSUE_ORIGIN.values.map((v) => ({ value: v, label: pick(ISSUE_ORIGIN.labels[v]) }))} />
      <Checkbox checked={query.overdue === 'true'} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}>{t('issue.onlyOverdue')}</Checkbox>
      <Checkbox checked={query.recurrence === 'true'} onChange={(e) => set({ recurrence: e.target.checked ? 'true' : undefined })}>{t('issue.onlyRecurrence')}</Checkbox>
      <Checkbox checked={query.open === 'true'} onChange={(e) => set({ open: e.target.checked ? 'true' : undefined })} data-testid="issue-only-open">{t('issue.onlyOpen')}</Checkbox>
      {drill && (
        <Space size={4} wrap data-testid="issue-drill">
          <span className="es-muted">{t('issue.drill')}:</span>
          {query.townId && <Tag>{t('issue.drillTown')} {data?.items[0]?.townId === query.townId ? data.items[0].townName : query.townId}</Tag>}
          {query.providerId && <Tag>{query.providerId === 'none' ? t('issue.drillNoProvider') : t('issue.drillProvider')}</Tag>}
          {range && <Tag>{range}</Tag>}
          {query.counted && <Tag>{t('issue.drillCounted')}</Tag>}
          <a onClick={() => set({ townId: undefined, providerId: undefined, from: undefined, to: undefined, counted: undefined })} data-testid="issue-drill-clear">{t('issue.drillClear')}</a>
        </Space>
      )}
    </Space>
  );

  let body;
  if (loading && !data) body = <LoadingBlock />;
  else if (error) body = <ErrorBlock error={error} onRetry={reload} />;
  else if (!data || data.items.length === 0) body = <EmptyBlock />;
  else if (mobile) {
    body = (
      <>
        <List
          dataSource={data.items}
          renderItem={(r) => (
            <Card size="small" style={{ marginBottom: 8 }} onClick={() => navigate(`/issues/${r.id}`)} data-testid="issue-card" hoverable>
              <Space wrap size={4}>
                <StatusTag status={r.status} />
                <ClassTag value={r.class} />
                <OverdueTag days={r.overdueDays} />
                <RecurrenceTag show={!!r.recurrenceOf} />
              </Space>
              <div style={{ margin: '6px 0', fontWeight: 500 }}>{r.description}</div>
              <div className="es-muted">{r.sourceName}</div>
              <div className="es-muted">
                {r.number ?? t('issue.unnumbered')}{r.deadline ? ` · ${t('issue.deadline')} ${r.deadline}` : ''}
              </div>
            </Card>
          )}
        />
        <Pagination simple current={data.page} pageSize={data.pageSize} total={data.total} onChange={(page) => set({ page })} />
      </>
    );
  } else {
    body = (
      <Table<IssueRow>
        rowKey="id"
        size="middle"
        dataSource={data.items}
        data-testid="issue-table"
        pagination={{ current: data.page, pageSize: data.pageSize, total: data.total, showTotal: (n) => t('issue.total', { n }), onChange: (page, pageSize) => set({ page, pageSize }) }}
        columns={[
          { title: t('issue.number'), render: (_, r) => <Link to={`/issues/${r.id}`}>{r.number ?? t('issue.unnumbered')}</Link>, width: 170 },
          { title: t('issue.description'), render: (_, r) => <Link to={`/issues/${r.id}`}>{r.description}</Link>, ellipsis: true },
          { title: t('issue.source'), render: (_, r) => <Link to={`/sources/${r.sourceId}`}>{r.sourceName}</Link>, ellipsis: true },
          { title: t('issue.town'), dataIndex: 'townName', width: 110 },
          { title: t('issue.area'), render: (_, r) => label(INSPECTION_AREA, r.area as never), width: 120 },
          { title: t('issue.class'), render: (_, r) => <ClassTag value={r.class} />, width: 110 },
          {
            title: t('issue.status'),
            width: 170,
            render: (_, r) => (
              <Space size={2} wrap>
                <StatusTag status={r.status} />
                <RecurrenceTag show={!!r.recurrenceOf} />
              </Space>
            ),
          },
          { title: t('issue.deadline'), width: 180, render: (_, r) => (<Space size={2} wrap>{r.deadline ?? '—'}<OverdueTag days={r.overdueDays} /></Space>) },
          { title: t('issue.foundAt'), width: 150, render: (_, r) => formatTime(r.foundAt) },
        ]}
      />
    );
  }
  return (
    <div>
      {filters}
      {body}
    </div>
  );
}

const QUERY_KEYS = ['status', 'class', 'area', 'townId', 'sourceId', 'origin', 'providerId', 'overdue', 'recurrence', 'open', 'counted', 'from', 'to', 'q'] as const;

function queryOf(params: URLSearchParams): IssueListQuery {
  const query: Record<string, string | number> = { page: Number(params.get('page')) || 1, pageSize: Number(params.get('pageSize')) || 20 };
  for (const key of QUERY_KEYS) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  return query as IssueListQuery;
}
