import { Button, Card, List, Popconfirm, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { NoticeSummary } from '../../../common/contracts/issues';
import { acknowledgeNotice, listNotices, noticePdfUrl } from '../../api/issues';
import { useAsync, useShowError } from '../../api/hooks';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useIsMobile } from '../../components/useIsMobile';
import type { DictKey } from '../../i18n/dict';
import { useI18n } from '../../i18n/lang';

const COLOR = { open: 'orange', acknowledged: 'blue', closed: 'green' } as const;

/** 整改通知书: the list, the PDF and the enterprise's 签收. */
export function NoticesPanel() {
  const { t, formatTime } = useI18n();
  const mobile = useIsMobile();
  const showError = useShowError();
  const { data, loading, error, reload } = useAsync(() => listNotices({ pageSize: 100 }), []);
  if (loading && !data) return <LoadingBlock />;
  if (error) return <ErrorBlock error={error} onRetry={reload} />;
  const items = data?.items ?? [];
  if (items.length === 0) return <EmptyBlock />;

  const acknowledge = async (n: NoticeSummary) => {
    try {
      await acknowledgeNotice(n.id, n.version);
    } catch (e) {
      showError(e);
    }
    reload();
  };
  const statusTag = (n: NoticeSummary) => (
    <Tag color={COLOR[n.status]} data-testid="notice-status">{t(`issue.noticeStatus.${n.status}` as DictKey)}</Tag>
  );
  const actions = (n: NoticeSummary) => (
    <Space wrap>
      <a href={noticePdfUrl(n.id)} target="_blank" rel="noreferrer" data-testid="notice-pdf">{t('issue.downloadPdf')}</a>
      {n.canAcknowledge && (
        <Popconfirm title={t('issue.acknowledgeConfirm')} onConfirm={() => acknowledge(n)}>
          <Button size="small" type="primary" data-testid="notice-acknowledge">{t('issue.acknowledge')}</Button>
        </Popconfirm>
      )}
    </Space>
  );
  if (mobile) {
    return (
      <List
        dataSource={items}
        renderItem={(n) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="notice-card" title={n.number} extra={statusTag(n)}>
            <div><Link to={`/sources/${n.sourceId}`}>{n.sourceName}</Link></div>
            <div className="es-muted">{t('issue.issuedAt')}：{formatTime(n.issuedAt)} · {t('issue.issueCount')}：{n.issueCount}</div>
            <div style={{ marginTop: 6 }}>{actions(n)}</div>
          </Card>
        )}
      />
    );
  }
  return (
    <Table<NoticeSummary>
      rowKey="id"
      size="middle"
      dataSource={items}
      pagination={false}
      data-testid="notice-table"
      columns={[
        { title: t('issue.noticeNumber'), dataIndex: 'number' },
        { title: t('issue.source'), render: (_, n) => <Link to={`/sources/${n.sourceId}`}>{n.sourceName}</Link> },
        { title: t('issue.issuedAt'), render: (_, n) => formatTime(n.issuedAt) },
        { title: t('issue.issueCount'), dataIndex: 'issueCount', width: 80 },
        { title: t('issue.status'), render: (_, n) => statusTag(n), width: 100 },
        { title: t('issue.actions'), render: (_, n) => actions(n) },
      ]}
    />
  );
}

