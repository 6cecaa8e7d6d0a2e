import { Tag } from 'antd';
import { RISK_LABELS } from '../../../common/risk-rules';
import { useI18n } from '../../i18n/lang';

export const COMPOSITE_COLOR: Record<string, string> = { major: '#c2363f', larger: '#e07b2c', general: '#d9b310', minor: '#3d8f5b' };
const COLORS: Record<string, Record<string, string>> = {
  composite: { major: 'red', larger: 'volcano', general: 'gold', minor: 'green' },
  envColor: { red: 'red', yellow: 'gold', green: 'green' },
  mgmtGrade: { C: 'red', B: 'gold', A: 'green' },
  socialGrade: { I: 'red', II: 'gold', III: 'green' },
  mediumLevel: { high: 'red', medium: 'gold', low: 'green' },
};

type Kind = 'composite' | 'envColor' | 'mgmtGrade' | 'socialGrade' | 'mediumLevel';

/** A grade as a coloured tag: 重大 in red … 轻微 in green. */
export function GradeTag({ kind, value, testId }: { kind: Kind; value: string; testId?: string }) {
  const { pick } = useI18n();
  const labels = RISK_LABELS[kind] as Record<string, { zh: string; en: string }>;
  return <Tag color={COLORS[kind][value]} data-testid={testId}>{labels[value] ? pick(labels[value]) : value}</Tag>;
}

export function gradeLabel(kind: Kind, value: string, pick: (b: { zh: string; en: string }) => string): string {
  const labels = RISK_LABELS[kind] as Record<string, { zh: string; en: string }>;
  return labels[value] ? pick(labels[value]) : value;
}
