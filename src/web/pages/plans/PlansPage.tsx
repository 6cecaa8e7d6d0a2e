import { useState } from 'react';
import { Link, Route, Routes, useSearchParams } from 'react-router-dom';
import { Button, Calendar, Progress, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { InspectionSummary, Plan } from '../../../common/contracts/inspections';
import { useAsync } from '../../api/hooks';
import { listAssignees, listInspections, listPlans } from '../../api/inspections';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useI18n } from '../../i18n/lang';
import { GenerateModal } from './GenerateModal';
import { PlanDetailView } from './PlanDetailView';
import { PlanForm, RevisitForm } from './PlanForm';
import './plans.css';

/** 检查计划: the plans with progress, a month calendar of scheduled inspections, one plan at /plans/:id. */
export default function PlansPage() {
  return (
    <div data-testid="plans-page">
      <Routes>
        <Route index element={<PlansHome />} />
        <Route path=":id" element={<PlanDetailView />} />
      </Routes>
    </div>
  );
}

function PlansHome() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'calendar' ? 'calendar' : 'list';
  return (
    <>
      <div className="es-page-title">
        <h1>{t('plan.title')}</h1>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'calendar' ? { tab: 'calendar' } : {}, { replace: true })}
        items={[
          { key: 'list', label: t('plan.tab.list'), children: <PlanList /> },
          { key: 'calendar', label: t('plan.tab.calendar'), children: <PlanCalendar /> },
        ]}
      />
    </>
  );
}

function PlanList() {
  const { t } = useI18n();
  const plans = useAsync(() => listPlans(), []);
  const [creating, setCreating] = useState(false);
  const [revisit, setRevisit] = useState(false);
  const [generating, setGenerating] = useState(false);
  if (plans.error) return <ErrorBlock error={plans.error} onRetry={plans.reload} />;
  if (!plans.data) return <LoadingBlock />;
  return (
    <div data-testid="plan-list">
      {plans.data.canCreate && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setCreating(true)} data-testid="plan-create">{t('plan.create')}</Button>
          <Button onClick={() => setRevisit(true)} data-testid="plan-revisit">{t('plan.revisit')}</Button>
          <Button onClick={() => setGenerating(true)} data-testid="plan-generate">{t('plan.generate')}</Button>
        </Space>
      )}
      {plans.data.items.length === 0 ? (
        <EmptyBlock text={t('plan.none')} />
      ) : (
        <Table<Plan>
          rowKey="id"
          size="small"
          dataSource={plans.data.items}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          scroll={{ x: 640 }}
          columns={[
            { title: t('plan.name'), dataIndex: 'name', render: (v: string, r) => <Link to={`/plans/${r.id}`} data-testid="plan-row">{v}</Link> },
            { title: t('plan.kind'), dataIndex: 'kind', width: 90, render: (k: Plan['kind']) => <Tag color={k === 'night_patrol' ? 'purple' : 'blue'}>{t(`plan.kind.${k}`)}</Tag> },
            { title: t('plan.period'), width: 190, render: (_: unknown, r) => `${r.startsOn} ~ ${r.endsOn}` },
            { title: t('plan.region'), dataIndex: 'regionName', width: 120 },
            { title: t('plan.progress'), width: 160, render: (_: unknown, r) => <Progress size="small" percent={r.total ? Math.round((r.done / r.total) * 100) : 0} format={() => `${r.done}/${r.total}`} /> },
          ]}
        />
      )}
      <PlanForm open={creating} onClose={() => setCreating(false)} onCreated={() => plans.reload()} />
      {generating && <GenerateModal open onClose={() => { setGenerating(false); plans.reload(); }} />}
      <RevisitForm open={revisit} onClose={() => setRevisit(false)} onCreated={() => plans.reload()} />
    </div>
  );
}

const MAX_PER_DAY = 3;

/** The month's scheduled inspections by day, for one inspector or all. */
function PlanCalendar() {
  const { t } = useI18n();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [inspectorId, setInspectorId] = useState<string>();
  const assignees = useAsync(() => listAssignees(), []);
  const from = month.startOf('month').format('YYYY-MM-DD');
  const to = month.endOf('month').format('YYYY-MM-DD');
  const list = useAsync(() => listInspections({ from, to, inspectorId, limit: 2000 }), [from, to, inspectorId]);
  const byDay = new Map<string, InspectionSummary[]>();
  for (const i of list.data?.items ?? []) byDay.set(i.scheduledOn, [...(byDay.get(i.scheduledOn) ?? []), i]);
  return (
    <div data-testid="plan-calendar">
      <Select allowClear style={{ width: 260, marginBottom: 8 }} placeholder={t('plan.allInspectors')} value={inspectorId} onChange={setInspectorId}
        options={(assignees.data?.items ?? []).map((a) => ({ value: a.id, label: a.displayName }))} showSearch={{ optionFilterProp: 'label' }} data-testid="plan-calendar-inspector" />
      {list.error && <ErrorBlock error={list.error} onRetry={list.reload} />}
      <Calendar
        value={month}
        onPanelChange={(d) => setMonth(d)}
        onSelect={(d) => setMonth(d)}
        cellRender={(d, info) => {
          if (info.type !== 'date') return null;
          const items = byDay.get(d.format('YYYY-MM-DD')) ?? [];
          return (
            <ul className="pl-cal-day">
              {items.slice(0, MAX_PER_DAY).map((i) => (
                <li key={i.id}><Link to={`/field/${i.id}`}><Tag color={i.status === 'submitted' ? 'green' : i.night ? 'purple' : 'blue'}>{i.sourceName}</Tag></Link></li>
              ))}
              {items.length > MAX_PER_DAY && <li className="es-muted">{t('plan.more', { n: items.length - MAX_PER_DAY })}</li>}
            </ul>
          );
        }}
      />
    </div>
  );
}
