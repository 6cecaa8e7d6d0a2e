import type { ReactNode } from 'react';
import { Descriptions } from 'antd';
import type { SourceBasics } from '../../../../common/contracts/dossier';
import { BASIC_FIELD_LABELS } from '../../../../common/dossier-sections';
import { useI18n } from '../../../i18n/lang';
import { mono } from '../tags';
import { BASIC_GROUPS } from './basicFields';

/** A basic-data value as text: enum labels, the industry with its name, plain values otherwise. */
export function useBasicText() {
  const { lang } = useI18n();
  return (name: string, value: unknown, source?: Pick<SourceBasics, 'industryName'>): string => {
    if (value === null || value === undefined || value === '') return '—';
    const spec = BASIC_GROUPS.flatMap((g) => g.fields).find((f) => f.name === name);
    if (spec?.kind.type === 'enum') return spec.kind.values.labels[String(value)]?.[lang] ?? String(value);
    if (name === 'industryCode' && source?.industryName) return `${String(value)} ${source.industryName}`;
    if (typeof value === 'number' && spec?.kind.type === 'number') return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 6 });
    return String(value);
  };
}

/** The basic data, read-only, in the form's groups. */
export function BasicsView({ source }: { source: SourceBasics }) {
  const { t, pick } = useI18n();
  const text = useBasicText();
  const values = source as unknown as Record<string, unknown>;
  const location: Array<{ key: string; label: string; children: ReactNode }> = [
    { key: 'townName', label: pick(BASIC_FIELD_LABELS.townId), children: source.townName },
    { key: 'parkName', label: pick(BASIC_FIELD_LABELS.parkId), children: source.parkName ?? '—' },
    { key: 'gridName', label: pick(BASIC_FIELD_LABELS.gridId), children: source.gridName },
  ];
  return (
    <div data-testid="basics-view">
      {BASIC_GROUPS.map((g) => (
        <Descriptions
          key={g.title}
          title={t(g.title)}
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 1, lg: 2, xxl: 3 }}
          style={{ marginBottom: 16 }}
          styles={{ label: { width: 128 } }}
          items={[
            ...g.fields.map((f) => ({
              key: f.name,
              label: pick(BASIC_FIELD_LABELS[f.name]),
              span: f.wide ? ('filled' as const) : undefined,
              children: (
                <span data-testid={`basic-${f.name}`} style={f.name === 'uscc' ? mono : undefined}>
                  {text(f.name, values[f.name], source)}
                </span>
              ),
            })),
            ...(g.title === 'dossier.basics.location' ? location : []),
          ]}
        />
      ))}
    </div>
  );
}
