import { useState } from 'react';
import { Button } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/lang';
import { legendRows, type ColorBy, type GradedPoint } from './colors';

/** The colour key over the map, with the count per value; collapsible (collapsed at first on a phone). */
export function MapLegend({ points, colorBy, defaultOpen }: { points: GradedPoint[]; colorBy: ColorBy; defaultOpen: boolean }) {
  const { t, label } = useI18n();
  const [open, setOpen] = useState(defaultOpen);
  const rows = legendRows(points, colorBy, label).filter((r) => r.count > 0 || colorBy !== 'status');
  return (
    <div className="es-map-legend" data-testid="map-legend" data-open={open}>
      <Button
        size="small"
        type="text"
        onClick={() => setOpen((o) => !o)}
        icon={open ? <DownOutlined /> : <UpOutlined />}
        iconPlacement="end"
        aria-expanded={open}
        data-testid="map-legend-toggle"
        className="es-map-legend-toggle"
      >
        {colorBy === 'permitClass' ? t('map.legend.permit') : colorBy === 'status' ? t('map.legend.status') : colorBy === 'risk' ? t('map.legend.risk') : t('map.legend.envColor')}
      </Button>
      {open && (
        <ul>
          {rows.map((r) => (
            <li key={r.value} data-testid={`map-legend-${r.value}`}>
              <span className="es-map-dot" style={{ background: r.color }} />
              <span className="es-map-legend-label">{r.label}</span>
              <span className="es-muted">{r.count}</span>
            </li>
          ))}
          <li className="es-muted es-map-legend-note">
            <span className="es-map-cluster-sample">n</span>
            {t('map.legend.cluster')}
          </li>
        </ul>
      )}
    </div>
  );
}
