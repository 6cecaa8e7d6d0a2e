import { Select } from 'antd';
import { PERMIT_CLASS, SOURCE_TYPE } from '../../../common/enums';
import type { SourceFilters } from '../../api/dossier';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/lang';

interface Props {
  filters: SourceFilters;
  onChange: (patch: Record<string, string | undefined>) => void;
  /** Stacked (in the phone's drawer) instead of one row. */
  vertical: boolean;
}

/** The map's filters: town/park, source type and permit class (the list endpoint's own filters). */
export function MapFilters({ filters, onChange, vertical }: Props) {
  const { t, label } = useI18n();
  return (
    <div className={vertical ? 'es-map-filters is-vertical' : 'es-map-filters'} data-testid="map-filters">
      <div className="es-map-filter-town">
        <RegionTreeSelect
          value={filters.townId ?? null}
          onChange={(v) => onChange({ townId: v ?? undefined })}
          levels={['town', 'park']}
          placeholder={t('sources.allTowns')}
          testId="map-filter-town"
        />
      </div>
      <Select
        allowClear
        value={filters.sourceType}
        onChange={(v) => onChange({ sourceType: v })}
        placeholder={t('sources.allTypes')}
        options={SOURCE_TYPE.values.map((v) => ({ value: v, label: label(SOURCE_TYPE, v) }))}
        data-testid="map-filter-type"
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        value={filters.permitClass}
        onChange={(v) => onChange({ permitClass: v })}
        placeholder={t('map.allPermitClasses')}
        options={PERMIT_CLASS.values.map((v) => ({ value: v, label: label(PERMIT_CLASS, v) }))}
        data-testid="map-filter-permit"
        popupMatchSelectWidth={false}
      />
    </div>
  );
}
