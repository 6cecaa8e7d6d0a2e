/** The basic data (基本信息) form: its fields in groups, with the kinds and limits of the contract. */
import { SCALE } from '../../../../common/dossier-enums';
import { PERMIT_CLASS, SOURCE_TYPE } from '../../../../common/enums';
import type { DictKey } from '../../../i18n/dict';
import type { FieldKind, FieldSpec, Values } from '../sections/fields';

const text = (max: number, multiline = false): FieldKind => ({ type: 'text', max, multiline });
const num = (max: number): FieldKind => ({ type: 'number', min: 0, max });
const phone: FieldKind = { type: 'phone' };

export interface BasicGroup {
  title: DictKey;
  fields: FieldSpec[];
}

export const BASIC_GROUPS: BasicGroup[] = [
  {
    title: 'dossier.basics.identity',
    fields: [
      { name: 'name', kind: text(200), required: true, wide: true },
      { name: 'uscc', kind: text(40), required: true },
      { name: 'sourceType', kind: { type: 'enum', values: SOURCE_TYPE }, required: true },
      { name: 'industryCode', kind: { type: 'industry' }, required: true },
      { name: 'permitClass', kind: { type: 'enum', values: PERMIT_CLASS }, required: true },
      { name: 'legalRepresentative', kind: text(50) },
      { name: 'scale', kind: { type: 'enum', values: SCALE } },
      { name: 'establishedOn', kind: { type: 'date' } },
      { name: 'registeredCapitalWan', kind: num(100_000_000) },
    ],
  },
  {
    title: 'dossier.basics.location',
    fields: [
      { name: 'address', kind: text(300), required: true, wide: true },
      { name: 'longitude', kind: { type: 'number', min: -180, max: 180 } },
      { name: 'latitude', kind: { type: 'number', min: -90, max: 90 } },
    ],
  },
  {
    title: 'dossier.basics.contacts',
    fields: [
      { name: 'contactName', kind: text(50) },
      { name: 'contactPhone', kind: phone },
      { name: 'envDirectorName', kind: text(50) },
      { name: 'envDirectorPhone', kind: phone },
    ],
  },
  {
    title: 'dossier.basics.operations',
    fields: [
      { name: 'employees', kind: { type: 'int', min: 0, max: 1_000_000 } },
      { name: 'annualOperatingHours', kind: { type: 'int', min: 0, max: 8784 } },
      { name: 'landAreaM2', kind: num(100_000_000) },
      { name: 'annualOutputWan', kind: num(100_000_000) },
      { name: 'mainProducts', kind: text(500, true), wide: true },
      { name: 'mainMaterials', kind: text(500, true), wide: true },
    ],
  },
];

export const BASIC_SPECS: FieldSpec[] = BASIC_GROUPS.flatMap((g) => g.fields);
export const PHONE_RE = /^[0-9+\-\s()]{5,20}$/;

/** Form values → API values: trimmed, empty optional fields as null. */
export function basicsBody(values: Values, specs: FieldSpec[] = BASIC_SPECS): Values {
  const out: Values = {};
  for (const f of specs) {
    let v = values[f.name];
    if (typeof v === 'string') v = v.trim();
    if (f.name === 'uscc' && typeof v === 'string') v = v.toUpperCase();
    out[f.name] = v === undefined || v === '' ? null : v;
  }
  return out;
}

/** The stored source → form values. */
export function basicsFormValues(source: Values, specs: FieldSpec[] = BASIC_SPECS): Values {
  return Object.fromEntries(specs.map((f) => [f.name, source[f.name] ?? undefined]));
}
