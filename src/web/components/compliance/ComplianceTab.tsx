import { Alert, Segmented } from 'antd';
import { useState } from 'react';
import { useAsync } from '../../api/hooks';
import { getSourceCompliance } from '../../api/ops';
import { useI18n } from '../../i18n/lang';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../PageState';
import { ObligationItem } from './ObligationItem';
import './compliance.css';

/** One source's compliance calendar: the last 3 and the next 12 months of reports, renewals and disclosures. */
export function ComplianceTab({ sourceId }: { sourceId: string }) {
  const { t } = useI18n();
  const [view, setView] = useState<'upcoming' | 'all'>('upcoming');
  const { data, loading, error, reload } = useAsync(() => getSourceCompliance(sourceId), [sourceId]);

  if (loading && !data) return <LoadingBlock />;
  if (error && !data) return <ErrorBlock error={error} onRetry={reload} />;
  if (!data) return null;
  if (data.permitCount === 0) return <EmptyBlock text={t('cal.noPermit')} />;

  const overdue = data.items.filter((o) => o.overdue);
  const items = view === 'upcoming' ? data.items.filter((o) => !o.overdue) : data.items;
  return (
    <div data-testid="compliance-tab">
      <div className="es-compliance-summary">
        <span>{t('cal.permits', { n: data.permitCount })}</span>
        <span>{t('cal.window', { from: data.from, to: data.to })}</span>
        <span>{t('cal.dueSoon', { n: data.items.filter((o) => !o.overdue && o.daysLeft <= 30).length })}</span>
      </div>
      {overdue.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('cal.overdueSummary', { n: overdue.length })} data-testid="compliance-overdue" />
      )}
      <Segmented
        value={view}
        onChange={(v) => setView(v as 'upcoming' | 'all')}
        options={[
          { value: 'upcoming', label: t('cal.upcoming') },
          { value: 'all', label: t('cal.includingPast') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {items.length === 0 ? <EmptyBlock text={t('cal.none')} /> : items.map((o) => <ObligationItem key={o.key} o={o} />)}
    </div>
  );
}
