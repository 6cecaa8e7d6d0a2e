import { useState } from 'react';
import { App, Button, Card, Descriptions, Popconfirm, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dossier, SectionKey } from '../../../../common/contracts/dossier';
import { SECTIONS } from '../../../../common/dossier-sections';
import { ApiError } from '../../../api/client';
import { deleteSectionRow } from '../../../api/dossier';
import { useShowError } from '../../../api/hooks';
import { EmptyBlock } from '../../../components/PageState';
import { useIsMobile } from '../../../components/useIsMobile';
import { useI18n } from '../../../i18n/lang';
import { useFieldDisplay } from './display';
import { SECTION_FIELDS, type Values } from './fields';
import { SectionFormModal } from './SectionFormModal';
import { useStandards } from './standards';

type Row = Values & { id: string; version: number };
type Editing = { mode: 'add' } | { mode: 'edit'; row: Row } | null;

const DEFAULTS: Partial<Record<SectionKey, Values>> = {
  'outlet-limits': { basis: 'standard' },
  permits: { status: 'valid' },
  facilities: { status: 'operating' },
  devices: { status: 'operating' },
};

interface Props {
  section: SectionKey;
  dossier: Dossier;
  onChanged: () => void;
}

/** One section of the dossier: its rows as a table (cards on a phone) with add, edit and delete. */
export function SectionPanel({ section, dossier, onChanged }: Props) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const mobile = useIsMobile();
  const standards = useStandards(section === 'outlet-limits');
  const display = useFieldDisplay(dossier.sections, standards);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const def = SECTIONS[section];
  const rows = dossier.sections[section] as unknown as Row[];
  const listed = SECTION_FIELDS[section].filter((f) => f.list);
  const canEdit = dossier.canEdit;
  const fieldLabel = (name: string) => pick(def.fields[name] ?? { zh: name, en: name });

  const remove = async (r: Row) => {
    setDeleting(r.id);
    try {
      await deleteSectionRow(section, r.id, r.version);
      message.success(t('dossier.section.deleted'));
      onChanged();
    } catch (e) {
      showError(e);
      if (e instanceof ApiError && e.code === 'stale_version') onChanged();
    } finally {
      setDeleting(null);
    }
  };

  const actions = (r: Row) => (
    <Space size={4}>
      <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', row: r })} data-testid={`${section}-edit`}>
        {t('common.edit')}
      </Button>
      <Popconfirm title={t('dossier.section.confirmDelete')} onConfirm={() => remove(r)} okText={t('dossier.delete')} cancelText={t('common.cancel')}>
        <Button size="small" type="link" danger icon={<DeleteOutlined />} loading={deleting === r.id} data-testid={`${section}-delete`}>
          {t('dossier.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );

  const columns: TableColumnsType<Row> = listed.map((f) => ({
    title: fieldLabel(f.name),
    key: f.name,
    render: (_: unknown, r: Row) => display(section, f, r),
    ellipsis: f.kind.type === 'text' && f.kind.multiline ? { showTitle: true } : undefined,
    width: f.kind.type === 'text' && f.kind.multiline ? 260 : undefined,
  }));
  if (canEdit) columns.push({ title: t('common.actions'), key: 'actions', fixed: 'right', render: (_, r) => actions(r) });

  // After a reload (e.g. a 409) the dialog gets the fresh row, with its new version.
  const current = editing?.mode === 'edit' ? (rows.find((r) => r.id === editing.row.id) ?? editing.row) : null;
  return (
    <Card
      size="small"
      variant="outlined"
      className="es-section-card"
      data-testid={`section-${section}`}
      title={
        <span>
          {pick(def.label)} <span className="es-muted">({rows.length})</span>
        </span>
      }
      extra={
        canEdit && (
          <Button size="small" type="primary" ghost icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'add' })} data-testid={`${section}-add`}>
            {t('dossier.section.add')}
          </Button>
        )
      }
    >
      {mobile ? (
        rows.length === 0 ? (
          <EmptyBlock text={t('dossier.section.empty')} />
        ) : (
          <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid={`${section}-rows`}>
            {rows.map((r) => (
              <div key={r.id} className="es-section-row-card">
                <Descriptions size="small" column={1} items={listed.map((f) => ({ key: f.name, label: fieldLabel(f.name), children: display(section, f, r) }))} />
                {canEdit && <div style={{ textAlign: 'right' }}>{actions(r)}</div>}
              </div>
            ))}
          </div>
        )
      ) : (
        <Table<Row>
          data-testid={`${section}-rows`}
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyBlock text={t('dossier.section.empty')} /> }}
        />
      )}
      {editing && (
        <SectionFormModal
          open
          section={section}
          sourceId={dossier.source.id}
          sections={dossier.sections}
          row={editing.mode === 'edit' ? current : null}
          defaults={DEFAULTS[section]}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
          onStale={onChanged}
        />
      )}
    </Card>
  );
}
