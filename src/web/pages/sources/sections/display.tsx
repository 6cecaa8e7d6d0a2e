import type { ReactNode } from 'react';
import { Tag } from 'antd';
import type { DossierSections, SectionKey, Standard } from '../../../../common/contracts/dossier';
import { LIMIT_BASIS } from '../../../../common/dossier-enums';
import { useI18n } from '../../../i18n/lang';
import type { FieldSpec, RefSection, Values } from './fields';
import { standardRef } from './standards';

/** The label of a row another row points at (an outlet, an EIA approval, a permit). */
export function refLabel(sections: DossierSections, section: RefSection, id: unknown): string | null {
  if (typeof id !== 'string') return null;
  if (section === 'outlets') {
    const o = sections.outlets.find((r) => r.id === id);
    return o ? `${o.code} ${o.name}` : null;
  }
  if (section === 'permits') return sections.permits.find((r) => r.id === id)?.permitNumber ?? null;
  return sections['eia-approvals'].find((r) => r.id === id)?.projectName ?? null;
}

const dash = <span className="es-muted">—</span>;

/** Renders one field of a section row as text for the table, the phone cards and the history. */
export function useFieldDisplay(sections: DossierSections, standards: Standard[] = []) {
  const { label, lang } = useI18n();
  return (section: SectionKey, f: FieldSpec, row: Values): ReactNode => {
    const v = row[f.name];
    if (section === 'outlet-limits' && f.name === 'limitValue') {
      const lower = row.limitLower;
      return `${typeof lower === 'number' ? `${lower}~` : ''}${String(v)} ${String(row.unit ?? '')}`;
    }
    if (section === 'outlet-limits' && f.name === 'basis') {
      const basis = label(LIMIT_BASIS, v as 'standard' | 'permit');
      const ref = v === 'standard' ? standardRef(standards, row.standardId, row.standardTable) : refLabel(sections, 'permits', row.permitId);
      return (
        <span>
          {basis}
          {ref ? <div className="es-muted" style={{ fontSize: 12 }}>{ref}</div> : null}
        </span>
      );
    }
    if (section === 'hazardous-wastes' && f.name === 'category') {
      return `${String(row.category ?? '')} ${String(row.categoryName ?? '')}`.trim() || dash;
    }
    if (v === null || v === undefined || v === '') return dash;
    switch (f.kind.type) {
      case 'enum':
        return f.kind.values.labels[String(v)]?.[lang] ?? String(v);
      case 'ref':
        return refLabel(sections, f.kind.section, v) ?? dash;
      case 'tags':
        return Array.isArray(v) ? (
          <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 2 }}>
            {v.map((x) => (
              <Tag key={String(x)} style={{ marginInlineEnd: 0 }}>
                {String(x)}
              </Tag>
            ))}
          </span>
        ) : (
          String(v)
        );
      case 'number':
        return typeof v === 'number' ? v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') : String(v);
      default:
        return String(v);
    }
  };
}
