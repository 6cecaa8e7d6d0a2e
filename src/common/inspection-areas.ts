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

/** An area's result as an inspection stores it (inspections.area_scores) and the API returns it. */
export interface StoredAreaScore {
  area: string;
  label: Bilingual;
  score: number | null;
  items: number;
  answered: number;
  nonCompliant: number;
}

/** The per-area results of a scored checklist in their stored form, with the area's label. */
export function storedAreaScores(areas: ReadonlyArray<{ area: string; score: number | null; items: number; answered: number; nonCompliant: number }>): StoredAreaScore[] {
  return areas.map((a) => ({
    area: a.area,
    label: isInspectionArea(a.area) ? inspectionAreaLabel(a.area) : { zh: a.area, en: a.area },
    score: a.score,
    items: a.items,
    answered: a.answered,
    nonCompliant: a.nonCompliant,
  }));
}
