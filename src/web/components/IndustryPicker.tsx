import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import type { Industry } from '../../common/contracts/dossier';
import { searchIndustries } from '../api/dossier';
import { useI18n } from '../i18n/lang';

interface Option {
  value: string;
  label: string;
  industry: Industry;
}

interface Props {
  value?: string | null;
  onChange?: (value: string | null, industry?: Industry) => void;
  /**
   * 'class' (default): only a GB/T 4754-2017 小类 (4 digits), for a source's industry.
   * 'prefix': a 大类 (2 digits) or a 小类, for filtering a list by code prefix.
   */
  mode?: 'class' | 'prefix';
  placeholder?: string;
  id?: string;
  testId?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}

const levelOf = (code: string) => (/^[A-T]$/.test(code) ? 1 : Math.min(Math.max(code.length, 2), 4));

function toOption(i: Industry): Option {
  return { value: i.code, label: `${i.code} ${i.name}`, industry: i };
}

/** Searchable GB/T 4754-2017 picker over GET /api/industries: type a code prefix or part of a name. */
export function IndustryPicker({ value, onChange, mode = 'class', placeholder, id, testId, allowClear = true, style }: Props) {
  const { t } = useI18n();
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);

  const run = (q: string) => {
    const mine = ++seq.current;
    setLoading(true);
    const levels = mode === 'prefix' ? [2, 4] : [4];
    Promise.all(levels.map((l) => searchIndustries(q.trim(), l, mode === 'prefix' && l === 2 ? 20 : 50)))
      .then((res) => {
        if (mine !== seq.current) return;
        setFailed(false);
        setOptions(res.flatMap((r) => r.items.map(toOption)));
      })
      .catch(() => {
        if (mine !== seq.current) return;
        setFailed(true);
        setOptions([]);
      })
      .finally(() => mine === seq.current && setLoading(false));
  };

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => run(q), 250);
  };

  // Show the name of a value that came from elsewhere (the URL, the stored dossier).
  useEffect(() => {
    if (!value || options.some((o) => o.value === value)) return;
    let live = true;
    searchIndustries(value, levelOf(value), 5)
      .then((r) => {
        const hit = r.items.find((i) => i.code === value);
        if (live && hit) setOptions((prev) => [toOption(hit), ...prev.filter((o) => o.value !== hit.code)]);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <Select<string, Option>
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v, opt) => onChange?.(v ?? null, Array.isArray(opt) ? undefined : opt?.industry)}
      onOpenChange={(open) => open && options.length <= 1 && run('')}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear={allowClear}
      placeholder={placeholder ?? t('industry.placeholder')}
      options={options}
      optionRender={(o) => (
        <div className="es-industry-option" data-testid={`industry-option-${o.value}`}>
          <span>
            <strong>{o.data.industry.code}</strong> {o.data.industry.name}
          </span>
          {o.data.industry.path.length > 0 && (
            <div className="es-muted" style={{ fontSize: 12, whiteSpace: 'normal' }}>
              {o.data.industry.path.map((p) => p.name).join(' › ')}
            </div>
          )}
        </div>
      )}
      notFoundContent={loading ? <Spin size="small" /> : failed ? t('industry.failed') : t('industry.none')}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(480px, calc(100vw - 24px))' } } }}
      style={{ width: '100%', ...style }}
    />
  );
}
