import { useState } from 'react';
import { Alert, Button, Descriptions, Form, InputNumber, Modal, Select, Space, Table } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { GeneratedPlan, GeneratePlanInput } from '../../../common/contracts/inspections';
import { RISK_LABELS } from '../../../common/risk-rules';
import { useAsync, useShowError } from '../../api/hooks';
import { generateRiskPlan, listAssignees } from '../../api/inspections';
import { ProviderSelect } from '../../components/ProviderSelect';
import { useMe } from '../../app/auth';
import { useI18n } from '../../i18n/lang';

type Values = { kind: 'annual' | 'quarterly'; year: number; quarter?: number; perDay: number; providerId?: string | null; inspectorIds: string[] };

/** 按风险生成计划: the minimum visits of every source by its risk level, within the chosen inspectors' capacity; preview, then create. */
export function GenerateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, pick } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [preview, setPreview] = useState<GeneratedPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const providerId = Form.useWatch('providerId', form) ?? (me.role === 'provider_manager' && me.scope.kind === 'provider' ? me.scope.id : null);
  const kind = Form.useWatch('kind', form);
  const assignees = useAsync(() => listAssignees(), []);
  const options = (assignees.data?.items ?? []).filter((a) => (a.providerId ?? null) === (providerId ?? null)).map((a) => ({ value: a.id, label: a.displayName }));
  const now = new Date();

  const run = async (create: boolean) => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const body: GeneratePlanInput = { kind: v.kind, year: v.year, perDay: v.perDay, inspectorIds: v.inspectorIds, create, ...(v.kind === 'quarterly' ? { quarter: v.quarter } : {}), ...(v.providerId ? { providerId: v.providerId } : {}) };
      const r = await generateRiskPlan(body);
      setPreview(r);
      if (create && r.planId) navigate(`/plans/${r.planId}`);
    } catch (e) {
      showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('plan.generate')} onCancel={onClose} width={720} destroyOnHidden
      footer={<Space><Button onClick={() => void run(false)} loading={busy} data-testid="gen-preview">{t('plan.generate.preview')}</Button>
        <Button type="primary" disabled={!preview || preview.plannedVisits === 0} onClick={() => void run(true)} loading={busy} data-testid="gen-create">{t('plan.generate.create')}</Button></Space>}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'quarterly', year: now.getFullYear(), quarter: Math.floor(now.getMonth() / 3) + 1, perDay: 4, inspectorIds: [] }} onValuesChange={() => setPreview(null)}>
        <Space wrap>
          <Form.Item name="kind" label={t('plan.kind')}><Select style={{ width: 120 }} options={[{ value: 'annual', label: t('plan.kind.annual') }, { value: 'quarterly', label: t('plan.kind.quarterly') }]} /></Form.Item>
          <Form.Item name="year" label={t('plan.year')}><InputNumber min={2000} max={2100} /></Form.Item>
          {kind === 'quarterly' && <Form.Item name="quarter" label={t('plan.quarter')}><Select style={{ width: 90 }} options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))} /></Form.Item>}
          <Form.Item name="perDay" label={t('plan.generate.perDay')}><InputNumber min={1} max={12} data-testid="gen-per-day" /></Form.Item>
        </Space>
        {me.role !== 'provider_manager' && <Form.Item name="providerId" label={t('plan.provider')} extra={t('plan.generate.providerHint')}><ProviderSelect /></Form.Item>}
        <Form.Item name="inspectorIds" label={t('plan.generate.inspectors')} rules={[{ required: true, type: 'array', min: 1, message: t('plan.generate.needInspector') }]}>
          <Select mode="multiple" options={options} showSearch={{ optionFilterProp: 'label' }} data-testid="gen-inspectors" />
        </Form.Item>
      </Form>
      {preview && (
        <div data-testid="gen-result" data-planned={preview.plannedVisits} data-needed={preview.neededVisits}>
          {preview.uncovered.length > 0
            ? <Alert type="warning" showIcon title={t('plan.generate.short', { n: preview.uncovered.length, d: preview.missingInspectorDays })} style={{ marginBottom: 8 }} />
            : <Alert type="success" showIcon title={t('plan.generate.covered')} style={{ marginBottom: 8 }} />}
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('plan.generate.period')}>{preview.startsOn} ~ {preview.endsOn}（{preview.workingDays} {t('plan.generate.workdays')}）</Descriptions.Item>
            <Descriptions.Item label={t('plan.generate.sources')}>{preview.sourcesNeedingVisits} / {preview.sources}</Descriptions.Item>
            <Descriptions.Item label={t('plan.generate.needed')}>{preview.neededVisits}</Descriptions.Item>
            <Descriptions.Item label={t('plan.generate.capacity')}>{preview.capacity}</Descriptions.Item>
            <Descriptions.Item label={t('plan.generate.planned')}>{preview.plannedVisits}</Descriptions.Item>
            <Descriptions.Item label={t('plan.generate.capped')}>{preview.cappedSources}</Descriptions.Item>
            <Descriptions.Item label={t('plan.generate.spread')}>{(preview.meanDaySpreadM / 1000).toFixed(1)} km</Descriptions.Item>
          </Descriptions>
          <Table size="small" rowKey="inspectorId" pagination={false} dataSource={preview.byInspector} style={{ marginTop: 8 }}
            columns={[{ title: t('plan.inspector'), dataIndex: 'name' }, { title: t('plan.generate.planned'), dataIndex: 'visits', width: 100 }, { title: t('plan.generate.days'), dataIndex: 'days', width: 100 }]} />
          {preview.uncovered.length > 0 && (
            <Table size="small" rowKey="sourceId" pagination={{ pageSize: 10 }} dataSource={preview.uncovered} style={{ marginTop: 8 }}
              columns={[{ title: t('plan.source'), dataIndex: 'name' }, { title: t('plan.generate.level'), dataIndex: 'composite', width: 90, render: (c: string | null) => (c ? pick(RISK_LABELS.composite[c as 'major']) : '—') }, { title: t('plan.generate.missing'), dataIndex: 'missing', width: 90 }]} />
          )}
        </div>
      )}
    </Modal>
  );
}
