import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import type { Lifecycle } from '../../../../common/contracts/lifecycle';
import { ApiError } from '../../../api/client';
import { transitionSource } from '../../../api/dossier';
import { useShowError } from '../../../api/hooks';
import { useIsMobile } from '../../../components/useIsMobile';
import { useI18n } from '../../../i18n/lang';
import { StatusTag } from '../tags';

type Allowed = Lifecycle['allowedTransitions'][number];

interface Props {
  sourceId: string;
  /** The source's version the user sees. */
  version: number;
  fromStatus: string;
  transition: Allowed | null;
  onClose: () => void;
  /** Done (or stale): the page reloads the dossier and its lifecycle. */
  onChanged: () => void;
}

/** Takes one allowed lifecycle transition, with its reason and effective date. */
export function TransitionModal({ sourceId, version, fromStatus, transition, onClose, onChanged }: Props) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const mobile = useIsMobile();
  const [form] = Form.useForm<{ reason: string; effectiveDate?: string }>();
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState<string | null>(null);

  useEffect(() => {
    if (transition) {
      form.resetFields();
      setStale(null);
    }
  }, [transition, form]);

  const submit = async () => {
    if (!transition) return;
    let v: { reason: string; effectiveDate?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await transitionSource(sourceId, { to: transition.to, reason: v.reason.trim(), version, effectiveDate: v.effectiveDate || undefined });
      message.success(t('dossier.lifecycle.done', { status: pick(transition.toLabel) }));
      onChanged();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_version') {
        setStale(pick(e.messages));
        onChanged();
      } else showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return (
    <Modal
      open={transition !== null}
      title={transition ? pick(transition.label) : ''}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('dossier.lifecycle.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={mobile ? 'calc(100vw - 24px)' : 520}
      okButtonProps={{ 'data-testid': 'transition-submit' } as ButtonProps}
    >
      {transition && (
        <p data-testid="transition-summary">
          <StatusTag value={fromStatus} /> → <StatusTag value={transition.to} />
        </p>
      )}
      {stale && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={stale} description={t('dossier.lifecycle.staleRetry')} />}
      <Form form={form} layout="vertical" data-testid="transition-form">
        <Form.Item
          name="reason"
          label={t('dossier.lifecycle.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('dossier.lifecycle.reason') }) }]}
        >
          <Input.TextArea data-testid="transition-reason" maxLength={500} showCount autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="effectiveDate" label={t('dossier.lifecycle.effectiveDate')} extra={t('dossier.lifecycle.effectiveHint')}>
          <Input type="date" max={today} data-testid="transition-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
