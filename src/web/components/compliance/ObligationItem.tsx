import { Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import type { ObligationView } from '../../../common/contracts/notifications';
import { useI18n } from '../../i18n/lang';

/** How urgent an obligation is: overdue, due within a week, or later. */
export function DueTag({ o }: { o: ObligationView }) {
  const { t } = useI18n();
  if (o.overdue) return <Tag color="red" data-testid="obligation-overdue">{t('cal.overdueBy', { n: -o.daysLeft })}</Tag>;
  if (o.daysLeft === 0) return <Tag color="volcano">{t('cal.dueToday')}</Tag>;
  return <Tag color={o.daysLeft <= 7 ? 'orange' : o.daysLeft <= 30 ? 'gold' : 'default'}>{t('cal.dueIn', { n: o.daysLeft })}</Tag>;
}

/** One obligation (a report, a renewal, a disclosure) with its due date, period, permit and legal basis. */
export function ObligationItem({ o, showSource }: { o: ObligationView; showSource?: boolean }) {
  const { t, pick } = useI18n();
  return (
    <div className={`es-obligation${o.overdue ? ' is-overdue' : ''}`} data-testid="obligation" data-kind={o.kind}>
      <div className="es-obligation-date">
        <strong>{o.dueDate}</strong>
        <DueTag o={o} />
      </div>
      <div className="es-obligation-main">
        <div>
          <strong>{pick(o.kindLabel)}</strong> <span className="es-muted">· {pick(o.periodLabel)}</span>
        </div>
        {showSource && (
          <div>
            <Link to={`/sources/${o.sourceId}?tab=compliance`} data-testid="obligation-source">
              {o.sourceName}
            </Link>
          </div>
        )}
        <div className="es-muted es-obligation-meta">
          {t('cal.permitNo', { no: o.permitNumber })}
          {o.expiresOn ? ` · ${t('cal.expiresOn', { date: o.expiresOn })}` : ''}
          {' · '}
          <Tooltip title={pick(o.legalBasis)}>
            <span className="es-obligation-basis">{pick(o.legalBasis)}</span>
          </Tooltip>
        </div>
      </div>
    </div>
  );
}
