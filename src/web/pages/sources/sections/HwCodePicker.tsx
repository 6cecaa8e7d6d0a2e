import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import type { HwCode } from '../../../../common/contracts/dossier';
import { searchHwCodes } from '../../../api/dossier';
import { useI18n } from '../../../i18n/lang';

interface Props {
  value?: string | null;
  onChange?: (value: string | null, code?: HwCode) => void;
  id?: string;
}

/** 国家危险废物名录（2021年版）code search: a code prefix, a category (HW49) or words of the description. */
export function HwCodePicker({ value, onChange, id }: Props) {
  const { t } = useI18n();
  const [items, setItems] = useState<HwCode[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);

  const run = (q: string) => {
    const mine = ++seq.current;
    setLoading(true);
    searchHwCodes(q.trim())
      .then((r) => mine === seq.current && setItems(r.items))
      .catch(() => mine === seq.current && setItems([]))
      .finally(() => mine === seq.current && setLoading(false));
  };
  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => run(q), 250);
  };
  useEffect(() => {
    if (value && !items.some((i) => i.code === value)) run(value);
    return () => clearTimeout(timer.current);
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Select<string>
      id={id}
      data-testid="hw-code-picker"
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null, items.find((i) => i.code === v))}
      onOpenChange={(open) => open && items.length <= 1 && run('')}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      placeholder={t('dossier.hw.placeholder')}
      notFoundContent={loading ? <Spin size="small" /> : t('dossier.hw.none')}
      options={items.map((i) => ({ value: i.code, label: `${i.code}（${i.category}）` }))}
      optionRender={(o) => {
        const i = items.find((x) => x.code === o.value);
        return (
          <div>
            <strong>{o.value}</strong> <span className="es-muted">{i ? `${i.category} ${i.categoryName} · ${i.industryName}` : ''}</span>
            {i && <div style={{ fontSize: 12, whiteSpace: 'normal' }}>{i.description}</div>}
          </div>
        );
      }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(560px, calc(100vw - 24px))' } } }}
      style={{ width: '100%' }}
    />
  );
}
