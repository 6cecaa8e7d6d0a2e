import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { RegionNode } from '../../common/contracts/regions';
import { REGION_LEVEL, type RegionLevel } from '../../common/enums';
import { useRegionTree } from '../api/regions';
import { useI18n } from '../i18n/lang';

interface TreeOption {
  value: string;
  title: string;
  disabled: boolean;
  children: TreeOption[];
}

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Only regions of these levels can be chosen (the others stay visible to navigate). */
  levels?: readonly RegionLevel[];
  placeholder?: string;
  id?: string;
  testId?: string;
}

/** A region picker over the actor's region tree. */
export function RegionTreeSelect({ value, onChange, levels, placeholder, id, testId }: Props) {
  const { label } = useI18n();
  const { roots, loading } = useRegionTree();

  const treeData = useMemo(() => {
    const map = (n: RegionNode): TreeOption => ({
      value: n.id,
      title: `${n.name}（${label(REGION_LEVEL, n.level)}）`,
      disabled: levels ? !levels.includes(n.level) : false,
      children: (n.children ?? []).map(map),
    });
    return (roots ?? []).map(map);
  }, [roots, levels, label]);

  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      treeData={treeData}
      loading={loading}
      placeholder={placeholder}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandedKeys={(roots ?? []).map((r) => r.id)}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
      style={{ width: '100%' }}
    />
  );
}
