import { Input, InputNumber, Select } from 'antd';
import type { DossierSections } from '../../../../common/contracts/dossier';
import { IndustryPicker } from '../../../components/IndustryPicker';
import { useI18n } from '../../../i18n/lang';
import { refLabel } from './display';
import type { FieldSpec } from './fields';
import { HwCodePicker } from './HwCodePicker';

interface Props {
  spec: FieldSpec;
  /** Needed by 'ref' fields (the rows they may point at). */
  sections?: DossierSections;
  id?: string;
  value?: unknown;
  onChange?: (v: unknown) => void;
  disabled?: boolean;
}

/** The input for one section field, by its kind (Form.Item passes value and onChange). */
export function FieldInput({ spec, sections, id, value, onChange, disabled }: Props) {
  const { lang, t } = useI18n();
  const k = spec.kind;
  const testId = `field-${spec.name}`;
  switch (k.type) {
    case 'industry':
      return <IndustryPicker id={id} testId={testId} value={(value as string) ?? null} onChange={(v) => onChange?.(v)} />;
    case 'phone':
      return <Input id={id} disabled={disabled} data-testid={testId} type="tel" value={(value as string) ?? ''} onChange={(e) => onChange?.(e.target.value)} maxLength={20} />;
    case 'text':
      return k.multiline ? (
        <Input.TextArea id={id} disabled={disabled} data-testid={testId} value={(value as string) ?? ''} onChange={(e) => onChange?.(e.target.value)} maxLength={k.max} autoSize={{ minRows: 2, maxRows: 6 }} />
      ) : (
        <Input id={id} disabled={disabled} data-testid={testId} value={(value as string) ?? ''} onChange={(e) => onChange?.(e.target.value)} maxLength={k.max} />
      );
    case 'date':
      return <Input id={id} disabled={disabled} data-testid={testId} type="date" value={(value as string) ?? ''} onChange={(e) => onChange?.(e.target.value || null)} />;
    case 'int':
    case 'number':
      return (
        <InputNumber
          id={id}
          disabled={disabled}
          data-testid={testId}
          value={(value as number | null) ?? null}
          onChange={(v) => onChange?.(v)}
          min={k.min}
          max={k.max}
          precision={k.type === 'int' ? 0 : undefined}
          style={{ width: '100%' }}
        />
      );
    case 'enum':
      return (
        <Select
          id={id}
          disabled={disabled}
          data-testid={testId}
          value={(value as string) ?? undefined}
          onChange={(v?: string) => onChange?.(v ?? null)}
          allowClear={!spec.required}
          options={k.values.values.map((v) => ({ value: v, label: k.values.labels[v][lang] }))}
        />
      );
    case 'ref': {
      if (!sections) return null;
      const rows = sections[k.section] as Array<{ id: string }>;
      return (
        <Select
          id={id}
          disabled={disabled}
          data-testid={testId}
          value={(value as string) ?? undefined}
          onChange={(v?: string) => onChange?.(v ?? null)}
          allowClear={!spec.required}
          notFoundContent={t('dossier.section.noRefRows')}
          options={rows.map((r) => ({ value: r.id, label: refLabel(sections, k.section, r.id) ?? r.id }))}
        />
      );
    }
    case 'tags':
      return (
        <Select
          id={id}
          disabled={disabled}
          data-testid={testId}
          mode="tags"
          value={(value as string[]) ?? []}
          onChange={(v: string[]) => onChange?.(v)}
          tokenSeparators={[',', '，', ' ', '、']}
          placeholder={t('dossier.section.tagsHint')}
          open={false}
          suffixIcon={null}
        />
      );
    case 'hwCode':
      return <HwCodePicker id={id} value={(value as string) ?? null} onChange={(v) => onChange?.(v)} />;
    default:
      return null;
  }
}
