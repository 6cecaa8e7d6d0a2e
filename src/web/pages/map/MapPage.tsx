import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Drawer, Segmented, Select, Spin } from 'antd';
import { FilterOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { PERMIT_CLASS, SOURCE_TYPE, type PermitClass, type SourceType } from '../../../common/enums';
import { withQuery, type Query } from '../../api/client';
import type { SourceFilters } from '../../api/dossier';
import { useAsync } from '../../api/hooks';
import { MAP_MAX_POINTS, listAllSources } from '../../api/ops';
import { canOpen, useMe } from '../../app/auth';
import { getRiskMap } from '../../api/risk';
import { MapFilters } from './MapFilters';
import { MapLegend } from '../../components/map/MapLegend';
import { SourceMap } from '../../components/map/SourceMap';
import { districtOf } from '../../components/map/boundary';
import type { ColorBy, GradedPoint } from '../../components/map/colors';
import { ErrorBlock } from '../../components/PageState';
import { useIsMobile } from '../../components/useIsMobile';
import { useI18n } from '../../i18n/lang';
import './map.css';

function oneOf<T extends string>(v: string | null, values: readonly T[]): T | undefined {
  return v && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** 一张图: every source in scope on the district map, filtered by type, permit class and town; coloured by class or status. */
export default function MapPage() {
  const { t, tNode } = useI18n();
  const me = useMe();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [drawer, setDrawer] = useState(false);
  const filters: SourceFilters = {
    townId: params.get('townId') || undefined,
    sourceType: oneOf<SourceType>(params.get('sourceType'), SOURCE_TYPE.values),
    permitClass: oneOf<PermitClass>(params.get('permitClass'), PERMIT_CLASS.values),
  };
  const mayGrade = canOpen(me.role, 'risk');
  const colorParam = params.get('color');
  const colorBy: ColorBy = colorParam === 'status' ? 'status' : mayGrade && (colorParam === 'risk' || colorParam === 'envColor') ? colorParam : 'permitClass';
  const graded = colorBy === 'risk' || colorBy === 'envColor';
  const grades = useAsync(() => (graded ? getRiskMap() : Promise.resolve(null)), [graded]);
  const key = JSON.stringify(filters);
  const { data, loading, error, reload } = useAsync(() => listAllSources(filters), [key]);

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const points = useMemo<GradedPoint[]>(() => {
    const items = data?.items ?? [];
    if (!grades.data) return items;
    const bySource = new Map(grades.data.items.map((g) => [g.sourceId, g]));
    return items.map((p) => ({ ...p, risk: bySource.get(p.id) }));
  }, [data, grades.data]);
  const located = points.filter((p) => p.latitude !== null && p.longitude !== null).length;
  const [districts, setDistricts] = useState<string[]>([]);
  // The district outline: the actor's region, else the districts its sources lie in.
  useEffect(() => {
    const fromScope = me.scope.kind === 'region' && me.scope.id ? [districtOf(me.scope.id)] : [];
    const fromPoints = [...new Set(points.map((p) => districtOf(p.townId)))];
    const next = fromScope.length ? fromScope : fromPoints;
    setDistricts((prev) => (next.length && next.join() !== prev.join() ? next : prev));
  }, [points, me.scope.kind, me.scope.id]);

  const activeFilters = [filters.townId, filters.sourceType, filters.permitClass].filter(Boolean).length;
  const filterBar = <MapFilters filters={filters} onChange={update} vertical={mobile} />;
  const colorOptions = [
    { value: 'permitClass', label: t('map.colorByPermit') },
    { value: 'status', label: t('map.colorByStatus') },
    ...(mayGrade ? [{ value: 'risk', label: t('map.colorByRisk') }, { value: 'envColor', label: t('map.colorByEnv') }] : []),
  ];
  const setColor = (v: string) => update({ color: v === 'permitClass' ? undefined : v });
  // Four choices do not fit beside the tools on a phone: a drop-down there.
  const colorSwitch = mobile ? (
    <Select size="small" style={{ width: 120 }} value={colorBy} onChange={setColor} options={colorOptions} data-testid="map-color-by" />
  ) : (
    <Segmented value={colorBy} onChange={(v) => setColor(String(v))} options={colorOptions} data-testid="map-color-by" />
  );
  const listLink = withQuery('/sources', { ...filters } as Query);

  return (
    <div className="es-map-page" data-testid="map-page">
      <div className="es-map-head">
        <h1>{t('map.title')}</h1>
        <span className="es-muted es-map-count">
          {tNode('map.count', {
            n: <strong data-testid="map-total">{loading && !data ? '…' : (data?.total ?? 0)}</strong>,
            m: <strong data-testid="map-located">{loading && !data ? '…' : located}</strong>,
          })}
        </span>
        <div className="es-map-tools">
          {!mobile && filterBar}
          {colorSwitch}
          {mobile && (
            <Badge count={activeFilters} size="small">
              <Button icon={<FilterOutlined />} onClick={() => setDrawer(true)} data-testid="map-filters-open" aria-label={t('map.filters')} />
            </Badge>
          )}
          <Link to={listLink}>
            <Button icon={<UnorderedListOutlined />} aria-label={t('map.asList')} data-testid="map-as-list">
              {mobile ? null : t('map.asList')}
            </Button>
          </Link>
        </div>
      </div>
      {data && data.total > MAP_MAX_POINTS && <Alert type="warning" showIcon title={t('map.tooMany', { max: MAP_MAX_POINTS })} className="es-map-alert" />}
      {data && located < points.length && <Alert type="info" showIcon title={t('map.noCoords', { n: points.length - located })} className="es-map-alert" closable />}
      <div className="es-map-frame">
        {error && !data ? (
          <ErrorBlock error={error} onRetry={reload} />
        ) : (
          <>
            <SourceMap points={points} colorBy={colorBy} districts={districts} onOpenSource={(id) => navigate(`/sources/${id}`)} />
            <MapLegend points={points} colorBy={colorBy} defaultOpen={!mobile} />
            {loading && (
              <div className="es-map-loading" data-testid="map-loading">
                <Spin />
              </div>
            )}
          </>
        )}
      </div>
      {mobile && (
        <Drawer placement="bottom" open={drawer} onClose={() => setDrawer(false)} title={t('map.filters')} size="auto" data-testid="map-filters-drawer">
          {filterBar}
        </Drawer>
      )}
    </div>
  );
}
