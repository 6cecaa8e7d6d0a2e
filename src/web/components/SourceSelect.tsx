import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { listSources } from '../api/endpoints';

interface Option {
  value: string;
  label: string;
}

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The current source's name, so an existing value shows before any search. */
  initialLabel?: string | null;
  placeholder?: string;
  id?: string;
  testId?: string;
}

/** A pollution-source picker that searches /api/sources?q= as the user types. */
export function SourceSelect({ value, onChange, initialLabel, placeholder, id, testId }: Props) {
  const [options, setOptions] = useState<Option[]>(value && initialLabel ? [{ value, label: initialLabel }] : []);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const mine = ++seq.current;
      setLoading(true);
      listSources({ q: q.trim() || undefined, page: 1, pageSize: 20 })
        .then((r) => {
          if (mine !== seq.current) return;
          setOptions(r.items.map((s) => ({ value: s.id, label: `${s.name} · ${s.uscc}` })));
        })
        .catch(() => mine === seq.current && setOptions([]))
        .finally(() => mine === seq.current && setLoading(false));
    }, 300);
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <Select
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      onOpenChange={(open) => open && options.length <= 1 && search('')}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      placeholder={placeholder}
      options={options}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      style={{ width: '100%' }}
    />
  );
}
