import { Button, Input, InputNumber } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { validateBands, type Band } from '../../../common/checklist-scoring';
import { useI18n } from '../../i18n/lang';

/** 结果等级: ordered thresholds, highest first; the shared validation shows what is wrong as the user types. */
export function BandsEditor({ value, onChange, disabled }: { value: Band[]; onChange: (bands: Band[]) => void; disabled?: boolean }) {
  const { t, pick } = useI18n();
  const problems = validateBands(value);
  const update = (i: number, band: Band) => onChange(value.map((b, j) => (j === i ? band : b)));
  return (
    <div data-testid="ck-bands">
      <div className="es-ck-band es-ck-band-head">
        <span>{t('ck.tpl.bandMin')}</span>
        <span>{t('ck.tpl.bandZh')}</span>
        <span>{t('ck.tpl.bandEn')}</span>
        <span />
      </div>
      {value.map((b, i) => (
        <div className="es-ck-band" key={i}>
          <InputNumber
            min={0}
            max={100}
            value={b.min}
            disabled={disabled}
            onChange={(v) => update(i, { ...b, min: v ?? 0 })}
            aria-label={`${t('ck.tpl.bandMin')} ${i + 1}`}
            prefix="≥"
          />
          <Input value={b.label.zh} maxLength={20} disabled={disabled} onChange={(e) => update(i, { ...b, label: { ...b.label, zh: e.target.value } })} aria-label={t('ck.tpl.bandZh')} />
          <Input value={b.label.en} maxLength={40} disabled={disabled} onChange={(e) => update(i, { ...b, label: { ...b.label, en: e.target.value } })} aria-label={t('ck.tpl.bandEn')} />
          <Button
            type="text"
            size="small"
            icon={<DeleteOutlined />}
            disabled={disabled || value.length <= 1}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            aria-label={t('ck.tpl.bandRemove')}
          />
        </div>
      ))}
      {!disabled && (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => onChange([...value.slice(0, -1), { min: Math.min(99, (value[value.length - 2]?.min ?? 100) - 1), label: { zh: '', en: '' } }, ...value.slice(-1)])}
        >
          {t('ck.tpl.bandAdd')}
        </Button>
      )}
      <div className="es-muted" style={{ fontSize: 12, marginTop: 4 }}>
        {t('ck.tpl.bandsHint')}
      </div>
      {problems.length > 0 && (
        <div style={{ color: '#cf1322', fontSize: 12 }} data-testid="ck-bands-error">
          {pick(problems[0].message)}
        </div>
      )}
    </div>
  );
}
