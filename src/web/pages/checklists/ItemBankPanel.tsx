import { useState } from 'react';
import { Button, Card, Checkbox, Input, Select, Spin, Tag, Tooltip } from 'antd';
import { EditOutlined, ExclamationCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { ChecklistItem, ChecklistItemListQuery } from '../../../common/contracts/checklists';
import { SOURCE_TYPE, type SourceType } from '../../../common/enums';
import { INSPECTION_AREA, INSPECTION_AREA_CODES, type InspectionAreaCode } from '../../../common/inspection-areas';
import { listChecklistItems } from '../../api/checklists';
import { useAsync } from '../../api/hooks';
import { EmptyBlock, ErrorBlock } from '../../components/PageState';
import { useI18n } from '../../i18n/lang';
import { ItemModal } from './ItemModal';

/** 检查项库: the bank with its filters; the administrator adds and edits items. */
export function ItemBankPanel() {
  const { t, label, pick } = useI18n();
  const [area, setArea] = useState<InspectionAreaCode | undefined>();
  const [q, setQ] = useState('');
  const [verified, setVerified] = useState<'true' | 'false' | undefined>();
  const [sourceType, setSourceType] = useState<SourceType | undefined>();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<ChecklistItem | 'new' | null>(null);
  const query: ChecklistItemListQuery = { area, q: q || undefined, verified, sourceType, includeInactive: includeInactive ? 'true' : undefined };
  const { data, loading, error, reload } = useAsync(() => listChecklistItems(query), [area, q, verified, sourceType, includeInactive]);
  const counts = new Map((data?.areas ?? []).map((a) => [a.code, a.count]));
  const allCount = [...counts.values()].reduce((s, n) => s + n, 0);

  return (
    <Card variant="borderless" data-testid="ck-bank">
      <div className="es-ck-head">
        <span className="es-muted">{t('ck.items.hint')}</span>
        {data?.canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="ck-item-add">
            {t('ck.item.add')}
          </Button>
        )}
      </div>
      <div className="es-ck-filters">
        <Select
          value={area ?? ''}
          onChange={(v) => setArea((v || undefined) as InspectionAreaCode | undefined)}
          options={[
            { value: '', label: `${t('ck.allAreas')}${data ? ` (${allCount})` : ''}` },
            ...INSPECTION_AREA_CODES.map((code) => ({ value: code, label: `${label(INSPECTION_AREA, code)}${data ? ` (${counts.get(code) ?? 0})` : ''}` })),
          ]}
          data-testid="ck-filter-area"
          aria-label={t('ck.area')}
        />
        <Input.Search allowClear placeholder={t('ck.search')} onSearch={(v) => setQ(v.trim())} data-testid="ck-filter-q" />
        <Select
          className="es-ck-half"
          value={verified ?? ''}
          onChange={(v) => setVerified((v || undefined) as 'true' | 'false' | undefined)}
          options={[
            { value: '', label: t('ck.verified.all') },
            { value: 'true', label: t('ck.verified.yes') },
            { value: 'false', label: t('ck.verified.no') },
          ]}
          data-testid="ck-filter-verified"
        />
        <Select
          className="es-ck-half"
          value={sourceType ?? ''}
          onChange={(v) => setSourceType((v || undefined) as SourceType | undefined)}
          options={[{ value: '', label: t('ck.allTypes') }, ...SOURCE_TYPE.values.map((v) => ({ value: v, label: label(SOURCE_TYPE, v) }))]}
          data-testid="ck-filter-type"
        />
        {data?.canEdit && (
          <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)}>
            {t('ck.showInactive')}
          </Checkbox>
        )}
      </div>
      {error && !data ? (
        <ErrorBlock error={error} onRetry={reload} />
      ) : (
        <Spin spinning={loading && !!data}>
          {data && (
            <div className="es-muted" style={{ marginBottom: 8 }} data-testid="ck-count">
              {t('ck.count', { n: data.total })}
            </div>
          )}
          {data && data.items.length === 0 && <EmptyBlock text={t('ck.empty')} />}
          {!data && loading && <Spin style={{ display: 'block', margin: '32px auto' }} />}
          <div data-testid="ck-items">
            {data?.items.map((item) => (
              <ItemCard key={item.id} item={item} onEdit={data.canEdit ? () => setEditing(item) : undefined} areaLabel={pick(item.areaLabel)} />
            ))}
          </div>
        </Spin>
      )}
      {editing && (
        <ItemModal
          item={editing}
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

function ItemCard({ item, onEdit, areaLabel }: { item: ChecklistItem; onEdit?: () => void; areaLabel: string }) {
  const { t, label } = useI18n();
  const types = item.sourceTypes.length ? item.sourceTypes.map((s) => label(SOURCE_TYPE, s)).join(t('ck.listSep')) : t('ck.appliesAll');
  const industries = item.industryPrefixes.length ? item.industryPrefixes.join(t('ck.listSep')) : t('ck.allIndustries');
  return (
    <div className={`es-ck-card${item.active ? '' : ' es-ck-inactive'}`} data-testid="ck-item" data-code={item.code}>
      <div className="es-ck-card-head">
        <Tag color="geekblue">{item.code}</Tag>
        <span className="es-muted">{areaLabel}</span>
        {!item.verified && (
          <Tooltip title={t('ck.unverifiedHint')}>
            <Tag color="warning" icon={<ExclamationCircleOutlined />} data-testid="ck-unverified">
              {t('ck.unverified')}
            </Tag>
          </Tooltip>
        )}
        {!item.active && <Tag>{t('ck.inactive')}</Tag>}
        <span className="es-ck-spacer" />
        {onEdit && <Button type="text" size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={t('common.edit')} data-testid="ck-item-edit" />}
      </div>
      <div className="es-ck-text">{item.text}</div>
      <dl className="es-ck-bases">
        <div>
          <dt>{t('ck.legalBasis')}</dt>
          <dd data-testid="ck-legal">{item.legalBasis}</dd>
        </div>
        <div>
          <dt>{t('ck.penaltyBasis')}</dt>
          <dd data-testid="ck-penalty">{item.penaltyBasis}</dd>
        </div>
      </dl>
      {item.note && (
        <div className={`es-ck-note${item.verified ? '' : ' es-ck-warn'}`} data-testid="ck-note">
          {t('ck.noteIs', { note: item.note })}
        </div>
      )}
      <div className="es-ck-meta">
        {t('ck.appliesIs', { types })}
        {item.industryPrefixes.length > 0 && ` · ${t('ck.industries')} ${industries}`}
      </div>
    </div>
  );
}
