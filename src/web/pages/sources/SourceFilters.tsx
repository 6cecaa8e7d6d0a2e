import { useEffect, useState } from 'react';
import { Badge, Button, Input, Select } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { PERMIT_CLASS, SOURCE_TYPE, type PermitClass, type SourceType } from '../../../common/enums';
import { LIFECYCLE_STATUS, type LifecycleStatus } from '../../../common/lifecycle';
import type { SourceFilters as Filters } from '../../api/dossier';
import { findRegion, useRegionTree } from '../../api/regions';
import { canOpen, useMe } from '../../app/auth';
import { IndustryPicker } from '../../components/IndustryPicker';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useIsMobile } from '../../components/useIsMobile';
import { useI18n } from '../../i18n/lang';
import { activeFilterCount } from './listParams';

interface Props {
  filters: Filters;
  onChange: (patch: Partial<Record<keyof Filters, string | undefined>>) => void;
}

/** The list's filters: keyword, region (town, park or grid from the region tree), type, industry, permit class, status. */
export function SourceFilters({ filters, onChange }: Props) {
  const { t, label } = useI18n();
  const me = useMe();
  const mobile = useIsMobile();
  const treeAllowed = canOpen(me.role, 'regions');
  const tree = useRegionTree(treeAllowed);
  const [text, setText] = useState(filters.q ?? '');
  const [open, setOpen] = useState(false);
  useEffect(() => setText(filters.q ?? ''), [filters.q]);

  const regionValue = filters.gridId ?? filters.parkId ?? filters.townId;
  const pickRegion = (id: string | null) => {
    const node = id && tree.roots ? findRegion(tree.roots, id) : undefined;
    onChange({
      townId: node?.level === 'town' ? node.id : undefined,
      parkId: node?.level === 'park' ? node.id : undefined,
      gridId: node?.level === 'grid' ? node.id : undefined,
    });
  };

  const count = activeFilterCount(filters);
  const search = (
    <Input.Search
      data-testid="sources-search"
      allowClear
      placeholder={t('dossier.list.search')}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (!e.target.value && filters.q) onChange({ q: undefined });
      }}
      onSearch={(v) => onChange({ q: v.trim() || undefined })}
      style={mobile ? { flex: 1, minWidth: 0 } : { width: 260 }}
      maxLength={100}
    />
  );

  const more = (
    <>
      {treeAllowed && (
        <div style={{ width: mobile ? '100%' : 220 }}>
          <RegionTreeSelect
            testId="sources-region"
            value={regionValue}
            onChange={pickRegion}
            levels={['town', 'park', 'grid']}
            placeholder={t('dossier.list.allRegions')}
          />
        </div>
      )}
      <Select
        data-testid="sources-type"
        allowClear
        placeholder={t('sources.allTypes')}
        value={filters.sourceType}
        options={SOURCE_TYPE.values.map((s) => ({ value: s, label: label(SOURCE_TYPE, s) }))}
        onChange={(v?: SourceType) => onChange({ sourceType: v })}
        style={{ width: mobile ? '100%' : 140 }}
      />
      <IndustryPicker
        testId="sources-industry"
        mode="prefix"
        value={filters.industryCode}
        onChange={(v) => onChange({ industryCode: v ?? undefined })}
        placeholder={t('dossier.list.allIndustries')}
        style={{ width: mobile ? '100%' : 220 }}
      />
      <Select
        data-testid="sources-permit"
        allowClear
        placeholder={t('dossier.list.allPermitClasses')}
        value={filters.permitClass}
        options={PERMIT_CLASS.values.map((s) => ({ value: s, label: label(PERMIT_CLASS, s) }))}
        onChange={(v?: PermitClass) => onChange({ permitClass: v })}
        style={{ width: mobile ? '100%' : 150 }}
      />
      <Select
        data-testid="sources-status"
        allowClear
        placeholder={t('dossier.list.allStatuses')}
        value={filters.status as LifecycleStatus | undefined}
        options={LIFECYCLE_STATUS.values.map((s) => ({ value: s, label: label(LIFECYCLE_STATUS, s) }))}
        onChange={(v?: LifecycleStatus) => onChange({ status: v })}
        style={{ width: mobile ? '100%' : 140 }}
      />
      {count > 0 && (
        <Button
          data-testid="sources-clear"
          type="link"
          onClick={() => onChange({ townId: undefined, parkId: undefined, gridId: undefined, sourceType: undefined, industryCode: undefined, permitClass: undefined, status: undefined })}
        >
          {t('dossier.list.clear')}
        </Button>
      )}
    </>
  );

  if (!mobile) {
    return (
      <div className="es-filters es-source-filters" data-testid="sources-filters">
        {search}
        {more}
      </div>
    );
  }
  return (
    <div className="es-source-filters-phone" data-testid="sources-filters">
      <div style={{ display: 'flex', gap: 8 }}>
        {search}
        <Badge count={count} size="small">
          <Button data-testid="sources-filter-toggle" icon={<FilterOutlined />} onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {t('dossier.list.filters')}
          </Button>
        </Badge>
      </div>
      {open && <div className="es-source-filters-more">{more}</div>}
    </div>
  );
}
