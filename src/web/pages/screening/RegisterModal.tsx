import { useState } from 'react';
import { App, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { RegisterRequest, ScreeningRequest, ScreeningResult } from '../../../common/contracts/lifecycle';
import { PERMIT_CLASS, SOURCE_TYPE, type PermitClass, type SourceType } from '../../../common/enums';
import { useShowError } from '../../api/hooks';
import { registerScreened } from '../../api/ops';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/lang';

interface Values {
  uscc: string;
  sourceType: SourceType;
  gridId: string;
  address: string;
  longitude?: number | null;
  latitude?: number | null;
  permitClass: PermitClass;
  acknowledgeRestrictions?: boolean;
}

/** Registers the screened project as a source in 准入评估 (the server screens it again in the same transaction). */
export function RegisterModal({ request, screening, onClose }: { request: ScreeningRequest; screening: ScreeningResult; onClose: () => void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const restricted = screening.verdict === 'restricted';

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    const body: RegisterRequest = {
      ...request,
      uscc: v.uscc.trim(),
      sourceType: v.sourceType,
      gridId: v.gridId,
      address: v.address.trim(),
      longitude: v.longitude ?? null,
      latitude: v.latitude ?? null,
      permitClass: v.permitClass,
      acknowledgeRestrictions: restricted ? !!v.acknowledgeRestrictions : undefined,
    };
    setSaving(true);
    try {
      const r = await registerScreened(body);
      message.success(t('screen.registered'));
      navigate(`/sources/${r.sourceId}`);
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('screen.registerTitle', { name: request.name })}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('screen.register')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'register-ok' } as ButtonProps}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ uscc: request.uscc ?? '', permitClass: screening.permitSuggestion.suggestedClass, sourceType: 'industrial' }}
        data-testid="register-form"
      >
        <Form.Item name="uscc" label={t('screen.uscc')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('screen.uscc') }) }]}>
          <Input maxLength={40} data-testid="register-uscc" />
        </Form.Item>
        <Form.Item name="sourceType" label={t('sources.type')} rules={[{ required: true }]}>
          <Select options={SOURCE_TYPE.values.map((v) => ({ value: v, label: label(SOURCE_TYPE, v) }))} />
        </Form.Item>
        <Form.Item name="gridId" label={t('screen.grid')} rules={[{ required: true, message: t('common.select', { field: t('screen.grid') }) }]}>
          <RegionTreeSelect levels={['grid']} placeholder={t('screen.gridPh')} testId="register-grid" />
        </Form.Item>
        <Form.Item name="address" label={t('sources.address')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('sources.address') }) }]}>
          <Input maxLength={300} data-testid="register-address" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item name="longitude" label={t('screen.longitude')} style={{ flex: 1 }}>
            <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="latitude" label={t('screen.latitude')} style={{ flex: 1 }}>
            <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="permitClass" label={t('sources.permit')} extra={t('screen.permitDefault', { no: screening.permitSuggestion.citedRow.no })}>
          <Select options={PERMIT_CLASS.values.map((v) => ({ value: v, label: label(PERMIT_CLASS, v) }))} />
        </Form.Item>
        {restricted && (
          <Form.Item
            name="acknowledgeRestrictions"
            valuePropName="checked"
            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('screen.ackRequired')))) }]}
          >
            <Checkbox data-testid="register-ack">{t('screen.ack')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
