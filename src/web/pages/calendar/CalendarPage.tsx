import { useMemo, useState } from 'react';
import { Alert, Button, Card, Collapse, DatePicker, Select, Statistic } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { OBLIGATION_KINDS, OBLIGATION_KIND_LABELS, type ObligationKind } from '../../../common/compliance-calendar';
import type { ObligationView } from '../../../common/contracts/notifications';
import { useAsync } from '../../api/hooks';
import { getCalendar } from '../../api/ops';
import { ObligationItem } from '../../components/compliance/ObligationItem';
import '../../components/compliance/compliance.css';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/PageState';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useMe } from '../../app/auth';
import { useI18n } from '../../i18n/lang';
import './calendar.css';

const MAX_ITEMS = 1000;

/** Monday of the date's week, as YYYY-MM-DD. */
function weekStart(date: string): string {
  const d = dayjs(date);
  return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');
}

/** The month's obligations; for the current month also those of the last 90 days already past their due date. */
async function load(month: Dayjs, kind: ObligationKind | undefined, townId: string | null) {
  const from = month.startOf('month').format('YYYY-MM-DD');
  const to = month.endOf('month').format('YYYY-MM-DD');
  const today = dayjs();
  const current = month.isSame(today, 'month');
  const town = townId ?? undefined;
  const [cal, past] = await Promise.all([
    getCalendar({ from, to, kind, townId: town, pageSize: MAX_ITEMS }),
    current
      ? getCalendar({ from: today.subtract(90, 'day').format('YYYY-MM-DD'), to: month.startOf('month').subtract(1, 'day').format('YYYY-MM-DD'), kind, townId: town, pageSize: MAX_ITEMS })
      : null,
  ]);
  return { ...cal, earlierOverdue: past?.items ?? [], truncated: cal.total > cal.items.length };
}

/** 合规日历: the obligations of the sources in scope, month by month, grouped by week; overdue ones stand out. */
export default function CalendarPage() {
  const { t, pick, lang } = useI18n();
  const me = useMe();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const [kind, setKind] = useState<ObligationKind | undefined>();
  const [townId, setTownId] = useState<string | null>(null);
  const { data, loading, error, reload } = useAsync(() => load(month, kind, townId), [month.format('YYYY-MM'), kind, townId]);

  const weeks = useMemo(() => {
    const groups = new Map<string, ObligationView[]>();
    for (const o of data?.items ?? []) {
      const w = weekStart(o.dueDate);
      groups.set(w, [...(groups.get(w) ?? []), o]);
    }
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [data]);

  const overdue = (data?.items.filter((o) => o.overdue).length ?? 0) + (data?.earlierOverdue.length ?? 0);
  const soon = data?.items.filter((o) => !o.overdue && o.daysLeft <= 7).length ?? 0;
  const fmt = (d: string) => dayjs(d).format(lang === 'zh' ? 'M月D日' : 'MMM D');

  return (
    <div data-testid="calendar-page">
      <div className="es-page-title">
        <h1>{t('cal.title')}</h1>
      </div>
      <Card variant="borderless">
        <div className="es-cal-controls">
          <div className="es-cal-month">
            <Button icon={<LeftOutlined />} onClick={() => setMonth((m) => m.subtract(1, 'month'))} aria-label={t('cal.prev')} data-testid="cal-prev" />
            <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v.startOf('month'))} allowClear={false} data-testid="cal-month" />
            <Button icon={<RightOutlined />} onClick={() => setMonth((m) => m.add(1, 'month'))} aria-label={t('cal.next')} data-testid="cal-next" />
            <Button onClick={() => setMonth(dayjs().startOf('month'))}>{t('cal.thisMonth')}</Button>
          </div>
          <Select
            allowClear
            value={kind}
            onChange={setKind}
            placeholder={t('cal.allKinds')}
            options={OBLIGATION_KINDS.map((k) => ({ value: k, label: pick(OBLIGATION_KIND_LABELS[k]) }))}
            className="es-cal-filter"
            data-testid="cal-kind"
          />
          {me.scope.kind !== 'source' && (
            <div className="es-cal-filter">
              <RegionTreeSelect value={townId} onChange={setTownId} levels={['town', 'park']} placeholder={t('sources.allTowns')} testId="cal-town" />
            </div>
          )}
        </div>
        {data && (
          <div className="es-cal-stats" data-testid="cal-stats">
            <Statistic title={t('cal.total')} value={data.items.length} />
            <Statistic title={t('cal.overdue')} value={overdue} styles={{ content: { color: overdue ? '#c2563f' : undefined } }} data-testid="cal-overdue-count" />
            <Statistic title={t('cal.within7')} value={soon} styles={{ content: { color: soon ? '#d46b08' : undefined } }} />
          </div>
        )}
        {data?.truncated && <Alert type="warning" showIcon title={t('cal.truncated', { n: MAX_ITEMS })} style={{ marginBottom: 12 }} />}
        {data && data.earlierOverdue.length > 0 && (
          <Collapse
            className="es-cal-earlier"
            data-testid="cal-earlier"
            items={[
              {
                key: 'earlier',
                label: <span className="es-cal-earlier-label">{t('cal.earlierOverdue', { n: data.earlierOverdue.length })}</span>,
                children: data.earlierOverdue.map((o) => <ObligationItem key={o.key} o={o} showSource />),
              },
            ]}
          />
        )}
        {loading && !data ? (
          <LoadingBlock />
        ) : error && !data ? (
          <ErrorBlock error={error} onRetry={reload} />
        ) : weeks.length === 0 ? (
          <EmptyBlock text={t('cal.noneInMonth')} />
        ) : (
          <div data-testid="cal-list" style={{ opacity: loading ? 0.5 : 1 }}>
            {weeks.map(([w, items]) => (
              <section key={w} className="es-cal-week" data-testid="cal-week">
                <h3>
                  {t('cal.week', { from: fmt(w), to: fmt(dayjs(w).add(6, 'day').format('YYYY-MM-DD')) })}
                  <span className="es-muted"> · {items.length}</span>
                </h3>
                {items.map((o) => (
                  <ObligationItem key={o.key} o={o} showSource />
                ))}
              </section>
            ))}
          </div>
        )}
      </Card>
    </div>
  );
}
