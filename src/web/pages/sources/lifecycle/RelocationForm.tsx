import { useState } from 'react';
import { Alert, App, Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Lifecycle } from '../../../../common/contracts/lifecycle';
import { LIFECYCLE_STATUS, type LifecycleStatus } from '../../../../common/lifecycle';
import { ApiError } from '../../../api/client';
import { relocateSource } from '../../../api/dossier';
import { useShowError } from '../../../api/hooks';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { useI18n } from '../../../i18n/lang';

interface Values {
  gridId: string;
  parkId?: string | null;
  address: string;
  longitude: number;
  latitude: number;
  reason: string;
  effectiveDate?: string;
  nextStatus?: LifecycleStatus;
}

interface Props {
  sourceId: string;
  version: number;
  lifecycle: Lifecycle;
  onChanged: () => void;
}

/** 搬迁: moves the same source (and its whole history) to another grid, town or park. */
export function RelocationForm({ sourceId, version, lifecycle, onChanged }: Props) {
  const { t, label, pick } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState<string | null>(null);
  const outcomes = lifecycle.relocation.outcomes;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await relocateSource(sourceId, {
        gridId: v.gridId,
        parkId: v.parkId ?? null,
        address: v.address.trim(),
        longitude: v.longitude,
        latitude: v.latitude,
        reason: v.reason.trim(),
        version,
        effectiveDate: v.effectiveDate || undefined,
        nextStatus: v.nextStatus,
      });
      message.success(t('dossier.relocation.done'));
      form.resetFields();
      setStale(null);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_version') {
        setStale(pick(e.messages));
        onChanged();
      } else showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  const req = (key: Parameters<typeof t>[0]) => [{ required: true, message: t('common.required', { field: t(key) }) }];
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={{ nextStatus: outcomes.length === 1 ? outcomes[0] : outcomes.includes('operating') ? 'operating' : undefined }}
      data-testid="relocation-form"
    >
      {stale && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={stale} description={t('dossier.lifecycle.staleRetry')} />}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="gridId" label={t('dossier.relocation.grid')} rules={req('dossier.relocation.grid')} extra={t('dossier.relocation.gridHint')}>
            <RegionTreeSelect levels={['grid']} testId="relocation-grid" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="parkId" label={t('dossier.relocation.park')}>
            <RegionTreeSelect levels={['park']} testId="relocation-park" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="address" label={t('dossier.relocation.address')} rules={req('dossier.relocation.address')}>
            <Input maxLength={300} data-testid="relocation-address" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="longitude" label={t('dossier.relocation.longitude')} rules={req('dossier.relocation.longitude')}>
            <InputNumber min={-180} max={180} style={{ width: '100%' }} data-testid="relocation-longitude" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="latitude" label={t('dossier.relocation.latitude')} rules={req('dossier.relocation.latitude')}>
            <InputNumber min={-90} max={90} style={{ width: '100%' }} data-testid="relocation-latitude" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="effectiveDate" label={t('dossier.lifecycle.effectiveDate')}>
            <Input type="date" max={today} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="nextStatus" label={t('dossier.relocation.nextStatus')}>
            <Select options={outcomes.map((s) => ({ value: s, label: label(LIFECYCLE_STATUS, s) }))} data-testid="relocation-next" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="reason" label={t('dossier.lifecycle.reason')} rules={req('dossier.lifecycle.reason')}>
            <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} data-testid="relocation-reason" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="relocation-submit">
        {t('dossier.relocation.submit')}
      </Button>
    </Form>
  );
}
