import { useEffect, useRef, useState } from 'react';
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { PERMIT_CLASS, SOURCE_TYPE } from '../../../common/enums';
import { LIFECYCLE_STATUS, isLifecycleStatus } from '../../../common/lifecycle';
import type { MapPoint } from '../../api/ops';
import { useI18n, type I18n } from '../../i18n/lang';
import { loadClientConfig, loadDistricts } from './boundary';
import { colorOf, type ColorBy } from './colors';

interface Props {
  points: MapPoint[];
  colorBy: ColorBy;
  /** District codes whose boundaries are drawn (the actor's district). */
  districts: string[];
  /** A popup's dossier link was followed (client-side navigation). */
  onOpenSource: (id: string) => void;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** Shanghai, for the first paint before any data arrives. */
const START: L.LatLngExpression = [31.11, 121.42];

function popupHtml(p: MapPoint, i: I18n): string {
  const status = isLifecycleStatus(p.lifecycleStatus) ? i.label(LIFECYCLE_STATUS, p.lifecycleStatus) : p.lifecycleStatus;
  const place = p.parkName ? `${p.townName} · ${p.parkName}` : p.townName;
  return `<div class="es-map-popup" data-testid="map-popup">
  <div class="es-map-popup-name">${esc(p.name)}</div>
  <div>${esc(i.t('map.popup.type'))}：${esc(i.label(SOURCE_TYPE, p.sourceType))}</div>
  <div>${esc(i.t('map.popup.permit'))}：${esc(i.label(PERMIT_CLASS, p.permitClass))}</div>
  <div>${esc(i.t('map.popup.status'))}：${esc(status)}</div>
  <div>${esc(i.t('map.popup.industry'))}：${esc(p.industryCode)} ${esc(p.industryName ?? '')}</div>
  <div class="es-map-popup-muted">${esc(place)} · ${esc(p.gridName)}</div>
  <a href="/sources/${esc(p.id)}" data-source-id="${esc(p.id)}" data-testid="map-popup-link">${esc(i.t('map.popup.open'))} ›</a>
</div>`;
}

/**
 * Leaflet without tiles by default: a plain background, the district boundary and the sources as
 * circle markers, clustered when zoomed out. An optional tile layer comes from the server's MAP_TILE_URL.
 */
export function SourceMap({ points, colorBy, districts, onOpenSource }: Props) {
  const i18n = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const cluster = useRef<L.MarkerClusterGroup | null>(null);
  const boundary = useRef<L.GeoJSON | null>(null);
  const i18nRef = useRef(i18n);
  i18nRef.current = i18n;
  const openRef = useRef(onOpenSource);
  openRef.current = onOpenSource;
  const [tiled, setTiled] = useState(false);
  const tiledRef = useRef(false);

  useEffect(() => {
    const m = L.map(box.current!, { center: START, zoom: 10, zoomSnap: 0.5, maxZoom: 18 });
    void loadClientConfig().then(({ mapTileUrl, mapTileAttribution }) => {
      if (!mapTileUrl || map.current !== m) return;
      L.tileLayer(mapTileUrl, { maxZoom: 18, attribution: mapTileAttribution }).addTo(m).bringToBack();
      tiledRef.current = true;
      setTiled(true);
    });
    const group = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 45, disableClusteringAtZoom: 16, chunkedLoading: true, spiderfyOnMaxZoom: true });
    m.addLayer(group);
    // A dossier link in a popup navigates inside the app instead of reloading the page.
    m.on('popupopen', (e: L.PopupEvent) => {
      const a = e.popup.getElement()?.querySelector<HTMLAnchorElement>('a[data-source-id]');
      if (a)
        a.onclick = (ev) => {
          if (ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
          ev.preventDefault();
          openRef.current(a.dataset.sourceId!);
        };
    });
    m.on('zoomend', () => (box.current!.dataset.zoom = String(m.getZoom())));
    const resize = new ResizeObserver(() => m.invalidateSize());
    resize.observe(box.current!);
    map.current = m;
    cluster.current = group;
    return () => {
      resize.disconnect();
      m.remove();
      map.current = null;
      cluster.current = null;
    };
  }, []);

  // The boundary of the actor's district(s).
  const districtKey = districts.join(',');
  useEffect(() => {
    let live = true;
    loadDistricts()
      .then((features) => {
        const m = map.current;
        if (!live || !m) return;
        boundary.current?.remove();
        const mine = features.filter((f) => f.properties.adcode && districts.includes(f.properties.adcode));
        if (!mine.length) return;
        const layer = L.geoJSON(mine as unknown as GeoJSON.Feature[], {
          style: { color: '#1f6e43', weight: 2, fillColor: '#d9efe2', fillOpacity: tiledRef.current ? 0.08 : 0.55, interactive: false },
        });
        layer.addTo(m).bringToBack();
        boundary.current = layer;
        if (!m.getContainer().dataset.fitted) m.fitBounds(layer.getBounds(), { padding: [12, 12], animate: false });
        m.getContainer().dataset.boundary = mine.map((f) => f.properties.adcode).join(',');
      })
      .catch(() => undefined); // the map works without the outline
    return () => {
      live = false;
    };
  }, [districtKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // The markers, coloured by the chosen dimension.
  useEffect(() => {
    const group = cluster.current;
    if (!group) return;
    group.clearLayers();
    const markers: L.CircleMarker[] = [];
    for (const p of points) {
      if (p.latitude === null || p.longitude === null) continue;
      const marker = L.circleMarker([p.latitude, p.longitude], {
        radius: 7,
        color: '#ffffff',
        weight: 1.5,
        fillColor: colorOf(p, colorBy),
        fillOpacity: 0.92,
        className: 'es-map-marker',
      });
      marker.bindPopup(() => popupHtml(p, i18nRef.current), { maxWidth: 280 });
      markers.push(marker);
    }
    group.addLayers(markers);
    box.current!.dataset.markers = String(markers.length);
  }, [points, colorBy]);

  // Frame the points whenever the set changes (a filter), not when only the colours do.
  useEffect(() => {
    const m = map.current;
    const located = points.filter((p) => p.latitude !== null && p.longitude !== null);
    if (!m || !located.length) return;
    const bounds = L.latLngBounds(located.map((p) => [p.latitude!, p.longitude!] as L.LatLngTuple));
    // Not animated: a fit during another fit's animation would be dropped.
    m.fitBounds(bounds, { padding: [24, 24], maxZoom: 15, animate: false });
    m.getContainer().dataset.fitted = '1';
  }, [points]);

  // Over tiles the outline's fill fades, so the streets show through.
  useEffect(() => {
    boundary.current?.setStyle({ fillOpacity: tiled ? 0.08 : 0.55 });
  }, [tiled]);

  return <div ref={box} className={`es-map${tiled ? ' has-tiles' : ''}`} data-testid="map" data-tiles={tiled ? '1' : '0'} />;
}
