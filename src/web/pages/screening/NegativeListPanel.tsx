import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { NegativeEntry } from '../../../common/contracts/lifecycle';
import { ApiError } from '../../api/client';
import { useAsync, useShowError } from '../../api/hooks';
import { deleteNegativeEntry, listNegativeEntries } from '../../api/ops';
import { EmptyBlock, ErrorBlock } from '../../components/PageState';
import { useIsMobile } from '../../components/useIsMobile';
import { useI18n } from '../../i18n/lang';
import { RESTRICTION_COLOR, RESTRICTION_KEY } from './labels';
import { NegativeEntryModal } from './NegativeEntryModal';

/** 负面清单: the entries that apply inside the actor's jurisdiction; the administrator and the bureau maintain them. */
export function NegativeListPanel() {
  const { t, formatTime } = useI18n();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data, loading, error, reload } = useAsync(listNegativeEntries, []);
  const [editing, setEditing] = useState<NegativeEntry | 'new' | null>(null);

  const remove = async (e: NegativeEntry) => {
    try {
      await deleteNegativeEntry(e.id, e.version);
      message.success(t('neg.deleted'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) message.warning(t('neg.stale'));
      else showError(err);
    }
    reload();
  };

  const actions = (e: NegativeEntry) =>
    e.editable ? (
      <Space size={0}>
        <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setEditing(e)} aria-label={t('common.edit')} data-testid="neg-edit" />
        <Popconfirm title={t('neg.deleteConfirm', { name: e.name })} okText={t('neg.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove(e)}>
          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('neg.delete')} data-testid="neg-delete" />
        </Popconfirm>
      </Space>
    ) : null;
  const restriction = (v: NegativeEntry['restriction']) => <Tag color={RESTRICTION_COLOR[v]}>{t(RESTRICTION_KEY[v])}</Tag>;
  const note = (e: NegativeEntry) => e.scopeNote && <div className="es-muted">{t('neg.scopeNoteIs', { note: e.scopeNote })}</div>;
  const items = data?.items ?? [];

  const columns: TableColumnsType<NegativeEntry> = [
    { title: t('neg.scope'), key: 'region', width: 120, render: (_, e) => e.regionName ?? <Tag>{t('neg.platform')}</Tag> },
    {
      title: t('neg.industry'),
      key: 'industry',
      width: 200,
      render: (_, e) => (
        <span>
          <strong>{e.industryCodePrefix}</strong> <span className="es-muted">{e.industryName ?? ''}</span>
        </span>
      ),
    },
    { title: t('neg.name'), dataIndex: 'name', width: 160 },
    { title: t('neg.restriction'), dataIndex: 'restriction', width: 100, render: restriction },
    {
      title: t('neg.reason'),
      dataIndex: 'reason',
      width: 320,
      render: (v: string, e) => (
        <div>
          {v}
          {note(e)}
        </div>
      ),
    },
    { title: t('neg.active'), dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="green">{t('neg.on')}</Tag> : <Tag>{t('neg.off')}</Tag>) },
    { title: t('neg.updatedAt'), dataIndex: 'updatedAt', width: 140, render: (v: string) => <span className="es-muted">{formatTime(v)}</span> },
  ];
  // An action column only when the actor may change something.
  if (items.some((e) => e.editable)) columns.push({ title: t('common.actions'), key: 'actions', fixed: 'right', width: 96, render: (_, e) => actions(e) });

  return (
    <Card variant="borderless" data-testid="negative-list">
      <div className="es-neg-head">
        <span className="es-muted">{t('neg.hint')}</span>
        {data?.canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="neg-add">
            {t('neg.add')}
          </Button>
        )}
      </div>
      {error && !data ? (
        <ErrorBlock error={error} onRetry={reload} />
      ) : mobile ? (
        <div data-testid="neg-cards">
          {!loading && items.length === 0 && <EmptyBlock text={t('neg.empty')} />}
          {items.map((e) => (
            <div key={e.id} className={`es-neg-card${e.active ? '' : ' es-neg-inactive'}`} data-testid="neg-card">
              <div className="es-neg-card-head">
                <span>
                  <strong>{e.industryCodePrefix}</strong> {e.name}
                </span>
                {restriction(e.restriction)}
              </div>
              <div className="es-muted">
                {e.regionName ?? t('neg.platform')} · {e.active ? t('neg.on') : t('neg.off')} · {formatTime(e.updatedAt)}
              </div>
              <div>{e.reason}</div>
              {note(e)}
              {e.editable && <div className="es-neg-card-actions">{actions(e)}</div>}
            </div>
          ))}
        </div>
      ) : (
        <Table<NegativeEntry>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={items}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          rowClassName={(e) => (e.active ? '' : 'es-neg-inactive')}
          locale={{ emptyText: loading ? ' ' : <EmptyBlock text={t('neg.empty')} /> }}
          data-testid="neg-table"
        />
      )}
      {editing && (
        <NegativeEntryModal
          entry={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </Card>
  );
}
