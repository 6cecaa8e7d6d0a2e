import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import type { UserView } from '../../../common/contracts/users';
import { ApiError } from '../../api/client';
import { resetPassword } from '../../api/endpoints';
import { useShowError } from '../../api/hooks';
import { useIsMobile } from '../../components/useIsMobile';
import { useI18n } from '../../i18n/lang';
import { PASSWORD_MIN } from './UserFormModal';

interface Values {
  password: string;
  confirm: string;
}

export function ResetPasswordModal({
  user,
  onClose,
  onDone,
  onStale,
}: {
  user: UserView | null;
  onClose: () => void;
  onDone: (u: UserView) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (!user) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const saved = await resetPassword(user.id, { version: user.version, password: v.password });
      message.success(t('users.resetDone'));
      onDone(saved);
    } catch (e) {
      showError(e, form);
      if (e instanceof ApiError && e.code === 'stale_version') onStale();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetTitle', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={mobile ? 'calc(100vw - 24px)' : 440}
    >
      <Form<Values> form={form} layout="vertical" data-testid="reset-password-form">
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          rules={[
            { required: true, message: t('common.required', { field: t('users.newPassword') }) },
            { min: PASSWORD_MIN, message: t('users.passwordMin', { n: PASSWORD_MIN }) },
          ]}
        >
          <Input.Password data-testid="password" name="password" autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('users.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('common.required', { field: t('users.confirmPassword') }) },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('password') === value ? Promise.resolve() : Promise.reject(new Error(t('users.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password data-testid="confirm" name="confirm" autoComplete="new-password" maxLength={256} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
