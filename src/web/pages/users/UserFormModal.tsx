import { useEffect, useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import type { CreateUser, UpdateUser, UserView } from '../../../common/contracts/users';
import { ROLE, type Role } from '../../../common/enums';
import { ApiError } from '../../api/client';
import { createUser, updateUser } from '../../api/endpoints';
import { useShowError } from '../../api/hooks';
import { useMe } from '../../app/auth';
import { useIsMobile } from '../../components/useIsMobile';
import { useI18n } from '../../i18n/lang';
import { assignableRoles, ScopeField, scopePayload } from './scope';

/** Mirrors PASSWORD_MIN_LENGTH in common/contracts/users.ts (not imported: that module pulls zod into the bundle). */
export const PASSWORD_MIN = 8;
const USERNAME_RE = /^[a-zA-Z0-9_.-]{2,64}$/;
const PHONE_RE = /^[0-9+\-\s]{5,20}$/;

interface Values {
  username?: string;
  displayName: string;
  password?: string;
  role: Role;
  phone?: string;
  regionId?: string | null;
  providerId?: string | null;
  sourceId?: string | null;
}

interface Props {
  open: boolean;
  /** The user to edit; null to create one. */
  user: UserView | null;
  onClose: () => void;
  onSaved: (u: UserView) => void;
  /** The server said 409: the parent reloads and passes the fresh row back in `user`. */
  onStale: () => void;
}

function initialValues(u: UserView | null): Partial<Values> {
  if (!u) return { role: undefined };
  return {
    displayName: u.displayName,
    role: u.role,
    phone: u.phone ?? '',
    regionId: u.regionId,
    providerId: u.providerId,
    sourceId: u.sourceId,
  };
}

export function UserFormModal({ open, user, onClose, onSaved, onStale }: Props) {
  const me = useMe();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const [saving, setSaving] = useState(false);
  const editing = user !== null;

  // Reset whenever a (fresh) record comes in, e.g. after a 409 reload.
  useEffect(() => {
    if (open) form.setFieldsValue(initialValues(user));
  }, [open, user?.id, user?.version]); // eslint-disable-line react-hooks/exhaustive-deps

  const roles = assignableRoles(me.role);
  if (user && !roles.includes(user.role)) roles.unshift(user.role);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // antd shows the field errors
    }
    const phone = v.phone?.trim() ? v.phone.trim() : null;
    setSaving(true);
    try {
      let saved: UserView;
      if (user) {
        const body: UpdateUser = { version: user.version, displayName: v.displayName.trim(), role: v.role, phone, ...scopePayload(v.role, v) };
        saved = await updateUser(user.id, body);
        message.success(t('common.saved'));
      } else {
        const scope = scopePayload(v.role, v);
        const body: CreateUser = {
          username: (v.username ?? '').trim(),
          displayName: v.displayName.trim(),
          password: v.password ?? '',
          role: v.role,
          ...(phone ? { phone } : {}),
          ...(scope.regionId ? { regionId: scope.regionId } : {}),
          ...(scope.providerId ? { providerId: scope.providerId } : {}),
          ...(scope.sourceId ? { sourceId: scope.sourceId } : {}),
        };
        saved = await createUser(body);
        message.success(t('users.created', { name: saved.displayName }));
      }
      onSaved(saved);
    } catch (e) {
      showError(e, form);
      if (user && e instanceof ApiError && e.code === 'stale_version') {
        onStale();
        message.info(t('users.staleReloaded'));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={mobile ? 'calc(100vw - 24px)' : 560}
      style={mobile ? { top: 12, maxWidth: 'calc(100vw - 24px)' } : undefined}
      okButtonProps={{ 'data-testid': 'user-form-submit' } as ButtonProps}
    >
      <Form<Values> form={form} layout="vertical" requiredMark initialValues={initialValues(user)} data-testid="user-form">
        {!editing && (
          <Form.Item
            name="username"
            label={t('users.username')}
            rules={[
              { required: true, message: t('common.required', { field: t('users.username') }) },
              { pattern: USERNAME_RE, message: t('users.usernameRule') },
            ]}
            extra={t('users.usernameRule')}
          >
            <Input data-testid="username" name="username" autoComplete="off" autoCapitalize="none" maxLength={64} />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('users.displayName') }) }]}
        >
          <Input data-testid="displayName" name="displayName" maxLength={64} />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="password"
            label={t('users.password')}
            rules={[
              { required: true, message: t('common.required', { field: t('users.password') }) },
              { min: PASSWORD_MIN, message: t('users.passwordMin', { n: PASSWORD_MIN }) },
            ]}
          >
            <Input.Password data-testid="password" name="password" autoComplete="new-password" maxLength={256} />
          </Form.Item>
        )}
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('common.select', { field: t('users.role') }) }]}>
          <Select
            data-testid="role"
            options={roles.map((r) => ({ value: r, label: label(ROLE, r) }))}
            placeholder={t('common.select', { field: t('users.role') })}
            onChange={(r: Role) =>
              // Back to the user's own role restores its scope; any other role starts with none.
              form.setFieldsValue(
                user && r === user.role
                  ? { regionId: user.regionId, providerId: user.providerId, sourceId: user.sourceId }
                  : { regionId: null, providerId: null, sourceId: null },
              )
            }
          />
        </Form.Item>
        <ScopeField role={role} sourceLabel={user?.sourceName} />
        <Form.Item name="phone" label={t('users.phone')} rules={[{ pattern: PHONE_RE, message: t('users.phoneRule') }]}>
          <Input data-testid="phone" name="phone" inputMode="tel" autoComplete="off" maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
