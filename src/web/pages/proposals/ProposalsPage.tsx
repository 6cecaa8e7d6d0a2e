import { Card, Pagination, Segmented } from 'antd';
import '../sources/sources.css';
import { useSearchParams } from 'react-router-dom';
import { getProposalStatus } from './status';
import { listProposals, type ProposalStatus } from '../../api/dossier';
import { useAsync } from '../../api/hooks';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useI18n } from '../../i18n/lang';
import { ProposalCard } from './ProposalCard';

const PAGE_SIZE = 20;

/** 企业更新申请 review queue: proposals in the reviewer's scope, pending first; approve or reject each. */
export default function ProposalsPage() {
  const { t, tNode } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = getProposalStatus(params.get('status'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, loading, error, reload } = useAsync(
    () => listProposals({ status: status === 'all' ? undefined : status, page, pageSize: PAGE_SIZE }),
    [status, page],
  );

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  const options: Array<{ value: ProposalStatus | 'all'; label: string }> = [
    { value: 'pending', label: t('proposals.pending') },
    { value: 'approved', label: t('proposals.approved') },
    { value: 'rejected', label: t('proposals.rejected') },
    { value: 'all', label: t('proposals.all') },
  ];

  return (
    <div data-testid="proposals-page">
      <div className="es-page-title">
        <h1>{t('proposals.title')}</h1>
        <span className="es-muted">{tNode('proposals.count', { n: <strong data-testid="proposals-total">{data ? data.total : '…'}</strong> })}</span>
      </div>
      <Card variant="borderless">
        <Segmented
          data-testid="proposals-status"
          value={status}
          options={options}
          onChange={(v) => set({ status: v === 'pending' ? undefined : String(v), page: undefined })}
          style={{ marginBottom: 12 }}
        />
        {loading && !data ? (
          <LoadingBlock />
        ) : error && !data ? (
          <ErrorBlock error={error} onRetry={reload} />
        ) : !data || data.items.length === 0 ? (
          <EmptyBlock text={t(status === 'pending' ? 'proposals.nonePending' : 'proposals.none')} />
        ) : (
          <div className="es-tab-stack" data-testid="proposals-list">
            {data.items.map((p) => (
              <ProposalCard key={p.id} proposal={p} showSource onDecided={reload} />
            ))}
          </div>
        )}
        {data && data.total > PAGE_SIZE && (
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            showSizeChanger={false}
            onChange={(p) => set({ page: p === 1 ? undefined : String(p) })}
            style={{ marginTop: 12, justifyContent: 'center' }}
          />
        )}
      </Card>
    </div>
  );
}
