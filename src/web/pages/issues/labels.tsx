import { Tag } from 'antd';
import { ISSUE_SEVERITY } from '../../../common/contracts/issues';
import { ISSUE_CLASS, ISSUE_STATUS, type IssueClass, type IssueStatus } from '../../../common/issue-workflow';
import { useI18n } from '../../i18n/lang';

export const STATUS_COLOR: Record<IssueStatus, string> = {
  found: 'default',
  confirmed: 'cyan',
  registered: 'blue',
  rectifying: 'orange',
  submitted: 'gold',
  verified: 'lime',
  closed: 'green',
  rejected: 'default',
  returned: 'volcano',
  escalated: 'red',
  cancelled: 'default',
};
export const CLASS_COLOR: Record<IssueClass, string> = { on_spot: 'green', deadline: 'blue', major: 'red' };

export function StatusTag({ status }: { status: IssueStatus }) {
  const { label } = useI18n();
  return <Tag color={STATUS_COLOR[status]} data-testid="issue-status">{label(ISSUE_STATUS, status)}</Tag>;
}

export function ClassTag({ value }: { value: IssueClass }) {
  const { label } = useI18n();
  return <Tag color={CLASS_COLOR[value]}>{label(ISSUE_CLASS, value)}</Tag>;
}

export function SeverityText({ value }: { value: keyof typeof ISSUE_SEVERITY.labels }) {
  const { pick } = useI18n();
  return <span>{pick(ISSUE_SEVERITY.labels[value])}</span>;
}

export function OverdueTag({ days }: { days: number | null }) {
  const { t } = useI18n();
  if (!days) return null;
  return <Tag color="red" data-testid="issue-overdue">{t('issue.overdue', { days })}</Tag>;
}

export function RecurrenceTag({ show }: { show: boolean }) {
  const { t } = useI18n();
  return show ? <Tag color="magenta">{t('issue.recurrence')}</Tag> : null;
}
