import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { App, Button, Form, Input, Modal, Progress, Select, Space, Table, Tag } from 'antd';
import type { InspectionSummary } from '../../../common/contracts/inspections';
import { useAsync, useShowError } from '../../api/hooks';
import { bulkAssign, getPlan, inspectionReportUrl, listAssignees, secondRound, updateInspection } from '../../api/inspections';
import { ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useI18n } from '../../i18n/lang';

const STATUS_COLOR: Record<string, string> = { planned: 'default', in_progress: 'blue', submitted: 'green', signed: 'green', cancelled: 'red' };

/** One plan: its inspections with their inspectors; assign one by one or the selected in bulk; generate the second round. */
export function PlanDetailView() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const detail = useAsync(() => getPlan(id), [id]);
  const assignees = useAsync(() => listAssignees(), []);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkTo, setBulkTo] = useState<string>();
  const [round, setRound] = useState(false);
  const [form] = Form.useForm<{ startsOn: string; endsOn: string }>();

  if (detail.error) return <ErrorBlock error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <LoadingBlock />;
  const { plan, inspections, canAssign } = detail.data;
  const options = (assignees.data?.items ?? []).map((a) => ({ value: a.id, label: a.displayName }));

  async function assignOne(i: InspectionSummary, inspectorId: string | null) {
    try {
      await updateInspection(i.id, { version: i.version, inspectorId });
      detail.reload();
    } catch (e) {
      showError(e);
    }
  }

  async function assignSelected() {
    if (!bulkTo) return;
    try {
      const r = await bulkAssign({ inspectorId: bulkTo, inspections: inspections.filter((i) => selected.includes(i.id)).map((i) => ({ id: i.id, version: i.version })) });
      message.success(t('plan.assigned', { n: r.updated }));
      setSelected([]);
      detail.reload();
    } catch (e) {
      showError(e);
    }
  }

  return (
    <div data-testid="plan-detail">
      <Link to="/plans">‹ {t('plan.back')}</Link>
      <div className="es-page-title">
        <h1>{plan.name}</h1>
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color="blue">{t(`plan.kind.${plan.kind}`)}</Tag>
        <span>{plan.startsOn} ~ {plan.endsOn}</span>
        <span>{plan.regionName}</span>
        <Progress percent={plan.total ? Math.round((plan.done / plan.total) * 100) : 0} format={() => `${plan.done}/${plan.total}`} style={{ width: 180 }} size="small" />
        {canAssign && <Button onClick={() => setRound(true)} data-testid="plan-second-round">{t('plan.secondRound')}</Button>}
      </Space>
      {canAssign && (
        <Space wrap style={{ marginBottom: 8 }}>
          <Select style={{ width: 240 }} placeholder={t('plan.pickInspector')} options={options} value={bulkTo} onChange={setBulkTo} showSearch={{ optionFilterProp: 'label' }} data-testid="plan-bulk-inspector" />
          <Button type="primary" disabled={!bulkTo || selected.length === 0} onClick={() => void assignSelected()} data-testid="plan-bulk-assign">{t('plan.assignSelected', { n: selected.length })}</Button>
        </Space>
      )}
      <Table<InspectionSummary>
        rowKey="id"
        size="small"
        dataSource={inspections}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 720 }}
        rowSelection={canAssign ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
        columns={[
          { title: t('plan.source'), dataIndex: 'sourceName', render: (v: string, r) => <Link to={`/field/${r.id}`}>{v}</Link> },
          { title: t('plan.scheduled'), dataIndex: 'scheduledOn', width: 110 },
          {
            title: t('plan.inspector'), dataIndex: 'inspectorId', width: 220,
            render: (_: unknown, r) => canAssign && (r.status === 'planned' || r.status === 'in_progress')
              ? <Select size="small" style={{ width: 200 }} allowClear placeholder={t('plan.unassigned')} value={r.inspectorId ?? undefined}
                  options={r.inspectorId && !options.some((o) => o.value === r.inspectorId) ? [...options, { value: r.inspectorId, label: r.inspectorName ?? '' }] : options}
                  onChange={(v) => void assignOne(r, v ?? null)} />
              : r.inspectorName ?? t('plan.unassigned'),
          },
          { title: t('plan.status'), dataIndex: 'status', width: 100, render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`field.status.${s as 'planned'}`)}</Tag> },
          { title: t('plan.score'), dataIndex: 'score', width: 90, render: (s: number | null, r) => (s === null ? '–' : `${s}${r.resultBand ? ` ${r.resultBand}` : ''}`) },
          {
            title: t('plan.report'), key: 'report', width: 100,
            render: (_: unknown, r) => (r.status === 'submitted' || r.status === 'signed'
              ? <a href={inspectionReportUrl(r.id)} target="_blank" rel="noreferrer" data-testid="plan-report">{t('plan.reportPdf')}</a>
              : '–'),
          },
        ]}
      />
      <Modal open={round} title={t('plan.secondRound')} onCancel={() => setRound(false)} destroyOnHidden
        onOk={async () => {
          const v = await form.validateFields();
          try {
            const r = await secondRound(id, v);
            message.success(t('plan.created', { n: r.created }));
            setRound(false);
            navigate(`/plans/${r.plan.id}`);
          } catch (e) {
            showError(e, form);
          }
        }}>
        <Form form={form} layout="vertical">
          <Form.Item name="startsOn" label={t('plan.startsOn')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Form.Item name="endsOn" label={t('plan.endsOn')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
        </Form>
        <div className="es-muted">{pick({ zh: '仅包含本计划中发现问题的污染源', en: 'Only the sources of this plan where issues were found' })}</div>
      </Modal>
    </div>
  );
}
