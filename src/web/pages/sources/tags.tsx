/** Small shared pieces of the dossier pages: status and permit-class tags, value formatting. */
import { Progress, Tag } from 'antd';
import { PERMIT_CLASS, SOURCE_TYPE, type PermitClass } from '../../../common/enums';
import { LIFECYCLE_STATUS, isLifecycleStatus, type LifecycleStatus } from '../../../common/lifecycle';
import { useI18n } from '../../i18n/lang';

const PERMIT_COLOR: Record<PermitClass, string> = { key: 'red', simplified: 'orange', registration: 'green', none: 'default' };
const STATUS_COLOR: Record<LifecycleStatus, string> = {
  screening: 'purple',
  construction: 'geekblue',
  trial: 'cyan',
  acceptance: 'blue',
  operating: 'green',
  suspended: 'orange',
  relocating: 'gold',
  closed: 'default',
};

export function PermitTag({ value }: { value: PermitClass }) {
  const { label } = useI18n();
  return <Tag color={PERMIT_COLOR[value]}>{label(PERMIT_CLASS, value)}</Tag>;
}

export function StatusTag({ value, testId }: { value: string; testId?: string }) {
  const { label } = useI18n();
  if (!isLifecycleStatus(value)) return <Tag data-testid={testId}>{value}</Tag>;
  return (
    <Tag color={STATUS_COLOR[value]} data-testid={testId}>
      {label(LIFECYCLE_STATUS, value)}
    </Tag>
  );
}

export function TypeTag({ value }: { value: (typeof SOURCE_TYPE.values)[number] }) {
  const { label } = useI18n();
  return <Tag variant="outlined">{label(SOURCE_TYPE, value)}</Tag>;
}

export function CompletenessBar({ percent, width = 110 }: { percent: number; width?: number }) {
  const color = percent >= 100 ? '#2f8f5b' : percent >= 60 ? '#d88a2d' : '#c2563f';
  return (
    <span style={{ display: 'inline-block', width }} title={`${percent}%`}>
      <Progress percent={percent} size="small" strokeColor={color} format={(p) => `${p}%`} />
    </span>
  );
}

export const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' } as const;
