/**
 * The 7 inspection areas (检查领域) shared by the compliance handbook (合规宝典) and the
 * checklist bank (检查清单库). Defined once here; the order is the display order.
 */
import { labelled, type Bilingual } from './enums';

export const INSPECTION_AREA = labelled({
  eia_permit: { zh: '环评与排污许可', en: 'EIA & discharge permit' },
  air: { zh: '废气', en: 'Air emissions' },
  water: { zh: '废水', en: 'Wastewater' },
  solid_waste: { zh: '一般工业固废', en: 'General industrial solid waste' },
  hazardous_waste: { zh: '危险废物', en: 'Hazardous waste' },
  emergency: { zh: '环境应急', en: 'Environmental emergency' },
  noise: { zh: '噪声', en: 'Noise' },
});

export type InspectionAreaCode = (typeof INSPECTION_AREA.values)[number];

/** The 7 area codes in display order (a non-empty tuple, usable by z.enum). */
export const INSPECTION_AREA_CODES = INSPECTION_AREA.values;

export function isInspectionArea(code: string): code is InspectionAreaCode {
  return (INSPECTION_AREA_CODES as readonly string[]).includes(code);
}

export function inspectionAreaLabel(code: InspectionAreaCode): Bilingual {
  return INSPECTION_AREA.labels[code];
}
