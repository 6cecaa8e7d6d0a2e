import { Select } from 'antd';
import { listProviders } from '../api/endpoints';
import { useAsync } from '../api/hooks';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  id?: string;
  testId?: string;
}

/** The providers (环保管家 organisations) the actor can see. */
export function ProviderSelect({ value, onChange, placeholder, id, testId }: Props) {
  const { data, loading } = useAsync(listProviders, []);
  return (
    <Select
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      loading={loading}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder}
      options={(data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      style={{ width: '100%' }}
    />
  );
}
