import { useEffect, useState } from 'react';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import type { ButtonProps } from 'antd';
import type { ChecklistItem, ChecklistItemUpdate } from '../../../common/contracts/checklists';
import { SOURCE_TYPE, type SourceType } from '../../../common/enums';
import { INSPECTION_AREA, INSPECTION_AREA_CODES, type InspectionAreaCode } from '../../../common/inspection-areas';
import { ApiError } from '../../api/client';
import { createChecklistItem, updateChecklistItem } from '../../api/checklists';
import { useShowError } from '../../api/hooks';
import { useI18n } from '../../i18n/lang';

interface Values {
  area: InspectionAreaCode;
  code?: string;
  text: string;
  legalBasis: string;
  penaltyBasis: string;
  verified: boolean;
  note?: string;
  sourceTypes: SourceType[];
  industryPrefixes: string[];
  active: boolean;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Add or edit a bank item (administrator); an edit carries the item's version (409 when someone changed it meanwhile). */
export function ItemModal({ item, onClose, onSaved }: { item: ChecklistItem | 'new'; onClose: () => void; onSaved: () => void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const editing = item === 'new' ? null : item;

  useEffect(() => {
    if (editing)
      form.setFieldsValue({
        area: editing.area,
        text: editing.text,
        legalBasis: editing.legalBasis,
        penaltyBasis: editing.penaltyBasis,
        verified: editing.verified,
        note: editing.note ?? '',
        sourceTypes: editing.sourceTypes,
        industryPrefixes: editing.industryPrefixes,
        active: editing.active,
      });
  }, [editing, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      if (editing) {
        const body: ChecklistItemUpdate = { version: editing.version };
        if (v.text.trim() !== editing.text) body.text = v.text.trim();
        if (v.legalBasis.trim() !== editing.legalBasis) body.legalBasis = v.legalBasis.trim();
        if (v.penaltyBasis.trim() !== editing.penaltyBasis) body.penaltyBasis = v.penaltyBasis.trim();
        if (v.verified !== editing.verified) body.verified = v.verified;
        if ((v.note?.trim() || null) !== editing.note) body.note = v.note?.trim() || null;
        if (!sameList(v.sourceTypes, editing.sourceTypes)) body.sourceTypes = v.sourceTypes;
        if (!sameList(v.industryPrefixes, editing.industryPrefixes)) body.industryPrefixes = v.industryPrefixes;
        if (v.active !== editing.active) body.active = v.active;
        await updateChecklistItem(editing.id, body);
      } else {
        await createChecklistItem({
          area: v.area,
          code: v.code?.trim() || undefined,
          text: v.text.trim(),
          legalBasis: v.legalBasis.trim(),
          penaltyBasis: v.penaltyBasis.trim(),
          verified: v.verified,
          note: v.note?.trim() || null,
          sourceTypes: v.sourceTypes,
          industryPrefixes: v.industryPrefixes,
          active: v.active,
        });
      }
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.code === 'stale_version') {
        message.warning(t('ck.item.stale'));
        onSaved();
      } else showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  return (
    <Modal
      open
      title={editing ? t('ck.item.edit', { code: editing.code }) : t('ck.item.add')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'ck-item-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ verified: false, active: true, sourceTypes: [], industryPrefixes: [] }} data-testid="ck-item-form">
        {editing ? null : (
          <>
            <Form.Item name="area" label={t('ck.area')} rules={[{ required: true, message: t('common.select', { field: t('ck.area') }) }]}>
              <Select options={INSPECTION_AREA_CODES.map((c) => ({ value: c, label: label(INSPECTION_AREA, c) }))} data-testid="ck-item-area" />
            </Form.Item>
            <Form.Item name="code" label={t('ck.code')} extra={t('ck.item.codeAuto')} rules={[{ pattern: /^[A-Z]{2,4}-[0-9]{2,3}$/, message: 'EP-18 / AIR-18' }]}>
              <Input maxLength={8} placeholder="EP-18" />
            </Form.Item>
          </>
        )}
        <Form.Item name="text" label={t('ck.text')} rules={required(t('ck.text'))}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="ck-item-text" />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('ck.legalBasis')} rules={required(t('ck.legalBasis'))}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="penaltyBasis" label={t('ck.penaltyBasis')} rules={required(t('ck.penaltyBasis'))}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="verified" label={t('ck.item.verified')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="note" label={t('ck.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="sourceTypes" label={t('ck.sourceTypes')} extra={t('ck.sourceTypesHint')}>
          <Select mode="multiple" allowClear options={SOURCE_TYPE.values.map((s) => ({ value: s, label: label(SOURCE_TYPE, s) }))} />
        </Form.Item>
        <Form.Item
          name="industryPrefixes"
          label={t('ck.industries')}
          extra={t('ck.industriesHint')}
          rules={[{ validator: async (_, v: string[] = []) => (v.every((p) => /^\d{2,4}$/.test(p)) ? undefined : Promise.reject(new Error(t('ck.industriesHint')))) }]}
        >
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="active" label={t('ck.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
