import { useEffect, useState } from 'react';
import { App, Checkbox, Form, Input, Modal, Select, Switch } from 'antd';
import type { ButtonProps } from 'antd';
import type { NegativeEntry, NegativeEntryInput, NegativeEntryUpdate } from '../../../common/contracts/lifecycle';
import { ApiError } from '../../api/client';
import { useShowError } from '../../api/hooks';
import { createNegativeEntry, updateNegativeEntry } from '../../api/ops';
import { useMe } from '../../app/auth';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/lang';
import { RESTRICTION_KEY } from './labels';

interface Values {
  platform?: boolean;
  regionId?: string | null;
  industryCodePrefix: string;
  name: string;
  restriction: NegativeEntry['restriction'];
  reason: string;
  scopeNote?: string;
  active: boolean;
}

/** Add or edit a negative-list entry; an edit carries the entry's version (409 when someone changed it meanwhile). */
export function NegativeEntryModal({ entry, onClose, onSaved }: { entry: NegativeEntry | 'new'; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const editing = entry === 'new' ? null : entry;
  const platform = Form.useWatch('platform', form);

  useEffect(() => {
    if (editing)
      form.setFieldsValue({
        platform: editing.regionId === null,
        regionId: editing.regionId,
        industryCodePrefix: editing.industryCodePrefix,
        name: editing.name,
        restriction: editing.restriction,
        reason: editing.reason,
        scopeNote: editing.scopeNote ?? '',
        active: editing.active,
      });
  }, [editing, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setSaving(true);
    try {
      if (editing) {
        const body: NegativeEntryUpdate = { version: editing.version };
        if (v.industryCodePrefix !== editing.industryCodePrefix) body.industryCodePrefix = v.industryCodePrefix;
        if (v.name.trim() !== editing.name) body.name = v.name.trim();
        if (v.restriction !== editing.restriction) body.restriction = v.restriction;
        if (v.reason.trim() !== editing.reason) body.reason = v.reason.trim();
        if ((v.scopeNote?.trim() || null) !== editing.scopeNote) body.scopeNote = v.scopeNote?.trim() || null;
        if (v.active !== editing.active) body.active = v.active;
        await updateNegativeEntry(editing.id, body);
      } else {
        const body: NegativeEntryInput = {
          regionId: v.platform ? null : (v.regionId ?? null),
          industryCodePrefix: v.industryCodePrefix,
          name: v.name.trim(),
          restriction: v.restriction,
          reason: v.reason.trim(),
          scopeNote: v.scopeNote?.trim() || null,
          active: v.active,
        };
        await createNegativeEntry(body);
      }
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(t('neg.stale'));
        onSaved();
      } else showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={editing ? t('neg.edit') : t('neg.add')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'neg-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ restriction: 'forbidden', active: true, platform: false }} data-testid="neg-form">
        {me.role === 'admin' && (
          <Form.Item name="platform" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox disabled={!!editing}>{t('neg.platformWide')}</Checkbox>
          </Form.Item>
        )}
        {!platform && (
          <Form.Item name="regionId" label={t('neg.scope')} rules={[{ required: !editing, message: t('common.select', { field: t('neg.scope') }) }]}>
            {editing ? (
              <Input disabled value={editing.regionName ?? t('neg.platform')} />
            ) : (
              <RegionTreeSelect levels={['district', 'town', 'park']} placeholder={t('neg.scopePh')} testId="neg-region" />
            )}
          </Form.Item>
        )}
        <Form.Item
          name="industryCodePrefix"
          label={t('neg.prefix')}
          extra={t('neg.prefixHint')}
          rules={[{ required: true, pattern: /^\d{2,4}$/, message: t('neg.prefixRule') }]}
        >
          <Input maxLength={4} inputMode="numeric" data-testid="neg-prefix" />
        </Form.Item>
        <Form.Item name="name" label={t('neg.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('neg.name') }) }]}>
          <Input maxLength={100} data-testid="neg-name" />
        </Form.Item>
        <Form.Item name="restriction" label={t('neg.restriction')} rules={[{ required: true }]}>
          <Select
            options={(['forbidden', 'restricted'] as const).map((r) => ({ value: r, label: t(RESTRICTION_KEY[r]) }))}
            data-testid="neg-restriction"
          />
        </Form.Item>
        <Form.Item name="reason" label={t('neg.reason')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('neg.reason') }) }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="neg-reason" />
        </Form.Item>
        <Form.Item name="scopeNote" label={t('neg.scopeNote')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="active" label={t('neg.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
