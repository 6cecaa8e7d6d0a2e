import { Link } from 'react-router-dom';
import { Tag } from 'antd';
import { addDays, todayInShanghai } from '../../../common/compliance-calendar';
import { useAsync } from '../../api/hooks';
import { listInspections } from '../../api/inspections';
import { useMe } from '../../app/auth';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useI18n } from '../../i18n/lang';

/** 我的检查: the inspector's assigned visits (office staff: the open visits in their jurisdiction), soonest first. */
export function MyInspections() {
  const { t } = useI18n();
  const me = useMe();
  const mine = me.role === 'inspector';
  // The last two months and what is ahead: visits still to do first (soonest first), then those done (latest first).
  const from = addDays(todayInShanghai(), -60);
  const list = useAsync(() => listInspections(mine ? { mine: 'true', from, limit: 500 } : { status: 'planned', limit: 300 }), [mine]);
  if (list.error) return <ErrorBlock error={list.error} onRetry={list.reload} />;
  if (!list.data) return <LoadingBlock />;
  const todo = (s: string) => s === 'planned' || s === 'in_progress';
  const items = [...list.data.items].sort((a, b) =>
    todo(a.status) !== todo(b.status) ? (todo(a.status) ? -1 : 1) : todo(a.status) ? a.scheduledOn.localeCompare(b.scheduledOn) : b.scheduledOn.localeCompare(a.scheduledOn));
  return (
    <div className="fd-list" data-testid="field-list">
      <h1 className="fd-title">{t(mine ? 'field.mine' : 'field.open')}</h1>
      {items.length === 0 && <EmptyBlock text={t('field.none')} />}
      {items.map((i) => (
        <Link key={i.id} to={`/field/${i.id}`} className="fd-list-item" data-testid="fd-list-item" data-source={i.sourceName} data-id={i.id} data-status={i.status}>
          <div className="fd-list-name">{i.sourceName}</div>
          <div className="es-muted">{i.sourceAddress}</div>
          <div className="fd-tags">
            <Tag>{i.scheduledOn}</Tag>
            {i.night && <Tag color="purple">{t('field.night')}</Tag>}
            {i.planName && <Tag>{i.planName}</Tag>}
            <Tag color={i.status === 'submitted' || i.status === 'signed' ? 'green' : i.status === 'in_progress' ? 'blue' : 'default'}>{t(`field.status.${i.status}`)}</Tag>
          </div>
        </Link>
      ))}
    </div>
  );
}
