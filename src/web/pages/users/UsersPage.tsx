import { useEffect, useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Select, Space, Switch, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import type { UserView } from '../../../common/contracts/users';
import { ROLE, type Role } from '../../../common/enums';
import { ApiError } from '../../api/client';
import { listUsers, updateUser } from '../../api/endpoints';
import { useAsync, useShowError } from '../../api/hooks';
import { useMe } from '../../app/auth';
import { EmptyBlock, ErrorBlock } from '../../components/PageState';
import { useI18n } from '../../i18n/lang';
import { ResetPasswordModal } from './ResetPasswordModal';
import { scopeName } from './scope';
import { UserFormModal } from './UserFormModal';

type FormState = { mode: 'create' } | { mode: 'edit'; user: UserView } | null;

export default function UsersPage() {
  const me = useMe();
  const { t, label, formatTime } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [formState, setFormState] = useState<FormState>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);

  const { data, loading, error, reload } = useAsync(
    () => listUsers({ q: q || undefined, role, page, pageSize }),
    [q, role, page, pageSize],
  );

  // After a reload (e.g. on 409), hand the open dialogs the fresh row.
  useEffect(() => {
    if (!data) return;
    const fresh = (u: UserView) => data.items.find((x) => x.id === u.id);
    setFormState((s) => (s?.mode === 'edit' && fresh(s.user) ? { mode: 'edit', user: fresh(s.user)! } : s));
    setResetting((r) => (r && fresh(r) ? fresh(r)! : r));
  }, [data]);

  const toggle = async (u: UserView) => {
    setToggling(u.id);
    try {
      const saved = await updateUser(u.id, { version: u.version, disabled: !u.disabled });
      message.success(t(saved.disabled ? 'users.disabledDone' : 'users.enabledDone', { name: saved.displayName }));
      reload();
    } catch (e) {
      showError(e);
      if (e instanceof ApiError && e.code === 'stale_version') reload();
    } finally {
      setToggling(null);
    }
  };

  const status = (u: UserView) =>
    u.locked ? (
      <Tag color="red">{t('users.statusLocked')}</Tag>
    ) : u.disabled ? (
      <Tag>{t('users.statusDisabled')}</Tag>
    ) : (
      <Tag color="green">{t('users.statusNormal')}</Tag>
    );

  const columns: TableColumnsType<UserView> = [
    { title: t('users.username'), dataIndex: 'username', render: (v: string) => <span style={{ fontFamily: 'ui-monospace, monospace' }}>{v}</span> },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.role'), dataIndex: 'role', render: (r: Role) => label(ROLE, r) },
    { title: t('users.scope'), key: 'scope', render: (_, u) =>
        u.role === 'admin' ? <span className="es-muted">{t('users.scopeSystem')}</span> : (scopeName(u) ?? u.regionId ?? u.providerId ?? u.sourceId ?? '—'),
    },
    { title: t('users.status'), key: 'status', render: (_, u) => <span data-testid={`user-status-${u.username}`}>{status(u)}</span> },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (v: string | null) => (v ? formatTime(v) : <span className="es-muted">{t('users.never')}</span>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) => (
        <Space size={4} wrap={false}>
          <Button size="small" type="link" icon={<EditOutlined />} data-testid={`user-edit-${u.username}`} onClick={() => setFormState({ mode: 'edit', user: u })}>
            {t('common.edit')}
          </Button>
          <Button size="small" type="link" icon={<KeyOutlined />} data-testid={`user-reset-${u.username}`} onClick={() => setResetting(u)}>
            {t('users.resetPassword')}
          </Button>
          {u.id !== me.id && (
            <Popconfirm
              title={t(u.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { name: u.displayName })}
              okText={t(u.disabled ? 'users.enable' : 'users.disable')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: !u.disabled }}
              onConfirm={() => toggle(u)}
            >
              <Tooltip title={t(u.disabled ? 'users.enable' : 'users.disable')}>
                <Switch
                  size="small"
                  checked={!u.disabled}
                  loading={toggling === u.id}
                  data-testid={`user-toggle-${u.username}`}
                  aria-label={t(u.disabled ? 'users.enable' : 'users.disable')}
                />
              </Tooltip>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="users-page">
      <div className="es-page-title">
        <h1>{t('users.title')}</h1>
        <Button type="primary" icon={<PlusOutlined />} data-testid="user-create" onClick={() => setFormState({ mode: 'create' })}>
          {t('users.create')}
        </Button>
      </div>
      <Card variant="borderless">
        <div className="es-filters">
          <Input.Search
            data-testid="users-search"
            allowClear
            placeholder={t('users.search')}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (!e.target.value && q) {
                setQ('');
                setPage(1);
              }
            }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
            style={{ width: 260 }}
            maxLength={64}
          />
          <Select
            data-testid="users-role"
            allowClear
            placeholder={t('users.allRoles')}
            value={role}
            options={ROLE.values.map((r) => ({ value: r, label: label(ROLE, r) }))}
            onChange={(v?: Role) => {
              setRole(v);
              setPage(1);
            }}
            style={{ width: 180 }}
          />
        </div>
        {error && !data ? (
          <ErrorBlock error={error} onRetry={reload} />
        ) : (
          <Table<UserView>
            data-testid="users-table"
            rowKey="id"
            size="middle"
            loading={loading}
            columns={columns}
            dataSource={data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: loading ? ' ' : <EmptyBlock text={t('users.empty')} /> }}
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (n) => t('common.total', { n }),
              onChange: (p, s) => {
                setPage(s !== pageSize ? 1 : p);
                setPageSize(s);
              },
            }}
          />
        )}
      </Card>
      <UserFormModal
        open={formState !== null}
        user={formState?.mode === 'edit' ? formState.user : null}
        onClose={() => setFormState(null)}
        onSaved={() => {
          setFormState(null);
          reload();
        }}
        onStale={reload}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={() => {
          setResetting(null);
          reload();
        }}
        onStale={reload}
      />
    </div>
  );
}
