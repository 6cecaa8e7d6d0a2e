import { useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Select, Tag } from 'antd';
import type { PlanCreated, PlanInput } from '../../../common/contracts/inspections';
import { PERMIT_CLASS, SOURCE_TYPE } from '../../../common/enums';
import { listTemplates } from '../../api/checklists';
import { useAsync, useShowError } from '../../api/hooks';
import { createPlan, revisitPlan } from '../../api/inspections';
import { useMe } from '../../app/auth';
import { ProviderSelect } from '../../components/ProviderSelect';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { SourceSelect } from '../../components/SourceSelect';
import { useI18n } from '../../i18n/lang';

const KINDS = ['annual', 'quarterly', 'special', 'night_patrol'] as const;

interface Values {
  name: string;
  kind: (typeof KINDS)[number];
  year: number;
  quarter?: number;
  startsOn: string;
  endsOn: string;
  templateId?: string;
  description?: string;
  regionId?: string | null;
  sourceTypes?: string[];
  industryPrefix?: string;
  permitClasses?: string[];
  providerId?: string | null;
}

/** 制定计划: kind, period, template, and the sources by filters (town/park, type, industry, permit class) or picked one by one. */
export function PlanForm({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (r: PlanCreated) => void }) {
  const { t, label, pick } = useI18n();
  const me = useMe();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [picked, setPicked] = useState<Array<{ id: string; label: string }>>([]);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<PlanCreated | null>(null);
  const templates = useAsync(() => listTemplates({ status: 'active' }), []);
  const year = new Date().getFullYear();
  const kind = Form.useWatch('kind', form);

  async function save() {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const filters = {
        ...(v.regionId ? { regionId: v.regionId } : {}),
        ...(v.sourceTypes?.length ? { sourceTypes: v.sourceTypes } : {}),
        ...(v.industryPrefix ? { industryPrefix: v.industryPrefix } : {}),
        ...(v.permitClasses?.length ? { permitClasses: v.permitClasses } : {}),
      } as PlanInput['filters'];
      const body: PlanInput = {
        name: v.name, kind: v.kind, year: v.year, quarter: v.kind === 'quarterly' ? v.quarter : null, startsOn: v.startsOn, endsOn: v.endsOn,
        templateId: v.templateId || null, description: v.description || null,
        ...(Object.keys(filters ?? {}).length ? { filters } : {}),
        ...(picked.length ? { sourceIds: picked.map((p) => p.id) } : {}),
        ...(v.providerId ? { providerId: v.providerId } : {}),
      };
      const created = await createPlan(body);
      setResult(created);
      onCreated(created);
    } catch (e) {
      showError(e, form, { 'filters.regionId': 'regionId', 'filters.industryPrefix': 'industryPrefix' });
    } finally {
      setSaving(false);
    }
  }

  const close = () => {
    setResult(null);
    setPicked([]);
    form.resetFields();
    onClose();
  };

  return (
    <Modal open={open} title={t('plan.create')} onCancel={close} onOk={result ? close : () => void save()} confirmLoading={saving} okText={result ? t('plan.close') : t('plan.create')} destroyOnHidden width={640}>
      {result ? (
        <div data-testid="plan-created">
          <Alert type="success" showIcon title={t('plan.created', { n: result.created })} />
          {result.skipped.length > 0 && (
            <div style={{ marginTop: 8 }}>
              {t('plan.skipped', { n: result.skipped.length })}
              <ul>{result.skipped.slice(0, 10).map((s) => <li key={s.sourceId}>{s.name}：{pick(s.reason)}</li>)}</ul>
            </div>
          )}
        </div>
      ) : (
        <Form form={form} layout="vertical" initialValues={{ kind: 'annual', year, startsOn: `${year}-01-01`, endsOn: `${year}-12-31` }} data-testid="plan-form">
          <Form.Item name="name" label={t('plan.name')} rules={[{ required: true, max: 100 }]}><Input data-testid="plan-name" /></Form.Item>
          <div className="pl-row">
            <Form.Item name="kind" label={t('plan.kind')}><Select options={KINDS.map((k) => ({ value: k, label: t(`plan.kind.${k}`) }))} data-testid="plan-kind" /></Form.Item>
            <Form.Item name="year" label={t('plan.year')}><InputNumber min={2000} max={2100} style={{ width: '100%' }} /></Form.Item>
            {kind === 'quarterly' && <Form.Item name="quarter" label={t('plan.quarter')} rules={[{ required: true }]}><Select options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))} /></Form.Item>}
          </div>
          <div className="pl-row">
            <Form.Item name="startsOn" label={t('plan.startsOn')} rules={[{ required: true }]}><Input type="date" data-testid="plan-starts" /></Form.Item>
            <Form.Item name="endsOn" label={t('plan.endsOn')} rules={[{ required: true }]}><Input type="date" data-testid="plan-ends" /></Form.Item>
          </div>
          <Form.Item name="templateId" label={t('plan.template')}>
            <Select allowClear options={(templates.data?.items ?? []).map((tp) => ({ value: tp.id, label: tp.name }))} />
          </Form.Item>
          <fieldset className="pl-filters">
            <legend>{t('plan.filters')}</legend>
            <Form.Item name="regionId" label={t('plan.filter.region')}><RegionTreeSelect levels={['district', 'town', 'park', 'grid']} testId="plan-region" /></Form.Item>
            <div className="pl-row">
              <Form.Item name="sourceTypes" label={t('plan.filter.types')}><Select mode="multiple" options={SOURCE_TYPE.values.map((s) => ({ value: s, label: label(SOURCE_TYPE, s) }))} data-testid="plan-types" /></Form.Item>
              <Form.Item name="permitClasses" label={t('plan.filter.permit')}><Select mode="multiple" options={PERMIT_CLASS.values.map((s) => ({ value: s, label: label(PERMIT_CLASS, s) }))} /></Form.Item>
            </div>
            <Form.Item name="industryPrefix" label={t('plan.filter.industry')} rules={[{ pattern: /^[0-9]{2,4}$/ }]}><Input placeholder="36 / 3670" maxLength={4} /></Form.Item>
            <Form.Item label={t('plan.filter.sources')}>
              <SourceSelect value={null} onChange={(id) => id && !picked.some((p) => p.id === id) && setPicked([...picked, { id, label: id }])} />
              <div style={{ marginTop: 4 }}>{picked.map((p) => <Tag key={p.id} closable onClose={() => setPicked(picked.filter((x) => x.id !== p.id))}>{p.id.slice(0, 8)}</Tag>)}</div>
            </Form.Item>
          </fieldset>
          {me.role !== 'provider_manager' && <Form.Item name="providerId" label={t('plan.provider')}><ProviderSelect /></Form.Item>}
          <Form.Item name="description" label={t('plan.description')}><Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} /></Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** 回头看: a plan of visits to the issues closed in a period. */
export function RevisitForm({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (r: PlanCreated) => void }) {
  const { t } = useI18n();
  const showError = useShowError();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; startsOn: string; endsOn: string; closedFrom?: string; closedTo?: string }>();
  const [saving, setSaving] = useState(false);
  const year = new Date().getFullYear();
  return (
    <Modal open={open} title={t('plan.revisit')} onCancel={onClose} confirmLoading={saving} destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        setSaving(true);
        try {
          const r = await revisitPlan({ ...v, closedFrom: v.closedFrom || undefined, closedTo: v.closedTo || undefined });
          message.success(t('plan.created', { n: r.created }));
          onCreated(r);
          onClose();
        } catch (e) {
          showError(e, form);
        } finally {
          setSaving(false);
        }
      }}>
      <Form form={form} layout="vertical" initialValues={{ name: `${year} 年整改回头看`, startsOn: `${year}-01-01`, endsOn: `${year}-12-31` }}>
        <Form.Item name="name" label={t('plan.name')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
        <div className="pl-row">
          <Form.Item name="startsOn" label={t('plan.startsOn')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Form.Item name="endsOn" label={t('plan.endsOn')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
        </div>
        <div className="pl-row">
          <Form.Item name="closedFrom" label={t('plan.closedFrom')}><Input type="date" /></Form.Item>
          <Form.Item name="closedTo" label={t('plan.closedTo')}><Input type="date" /></Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
