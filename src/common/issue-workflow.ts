/**
 * The closed loop of an issue (问题闭环: 发现 → 确认 → 入库 → 整改 → 督导 → 销号) as a pure table, enforced
 * by the server and read by the UI (each issue's allowed actions). DESIGN §5; the diagram is in
 * docs/domain.md and a test keeps the two equal.
 *
 * Who may act depends on the role and, for confirmation, registration and closure, on the issue's class:
 * a 重大问题 is confirmed, registered and closed by government (the bureau, the town/park office, the
 * administrator) only; provider staff (环保管家) confirm and close the ordinary ones they find. The
 * enterprise only submits its rectification evidence. Overdue is computed from the deadline, never a state.
 */
import { labelled, type Bilingual, type Role } from './enums';

export const ISSUE_STATUS = labelled({
  found: { zh: '发现', en: 'Found' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  registered: { zh: '已入库', en: 'Registered' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  submitted: { zh: '待复核', en: 'Evidence submitted' },
  verified: { zh: '复核通过', en: 'Verified' },
  closed: { zh: '已销号', en: 'Closed' },
  rejected: { zh: '不予认定', en: 'Rejected' },
  returned: { zh: '复核退回', en: 'Returned' },
  escalated: { zh: '移交执法', en: 'Referred for enforcement' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
});
export type IssueStatus = (typeof ISSUE_STATUS.values)[number];

/** 即知即改 (fixed on the spot) / 限期整改 (rectify by a deadline) / 重大问题 (major: government confirms). */
export const ISSUE_CLASS = labelled({
  on_spot: { zh: '即知即改', en: 'Fixed on the spot' },
  deadline: { zh: '限期整改', en: 'Rectify by a deadline' },
  major: { zh: '重大问题', en: 'Major issue' },
});
export type IssueClass = (typeof ISSUE_CLASS.values)[number];

/** What an action needs besides the issue's version. */
export type IssueActionInput = 'reason' | 'deadline' | 'evidence' | 'afterPhoto' | 'caseReference';

export const ISSUE_ACTION = labelled({
  confirm: { zh: '确认', en: 'Confirm' },
  reject: { zh: '不予认定', en: 'Reject' },
  fix_on_spot: { zh: '即知即改销号', en: 'Close as fixed on the spot' },
  register: { zh: '入库', en: 'Register' },
  issue_notice: { zh: '下发整改通知', en: 'Issue the rectification notice' },
  submit_evidence: { zh: '提交整改材料', en: 'Submit rectification evidence' },
  verify: { zh: '复核通过', en: 'Verify' },
  return: { zh: '复核退回', en: 'Return (verification failed)' },
  resume: { zh: '重新整改', en: 'Back to rectification' },
  close: { zh: '销号', en: 'Close' },
  escalate: { zh: '移交执法', en: 'Refer for enforcement' },
  cancel: { zh: '撤销', en: 'Cancel' },
});
export type IssueActionName = (typeof ISSUE_ACTION.values)[number];

export interface IssueAction {
  name: IssueActionName;
  from: IssueStatus;
  to: IssueStatus;
  /** Roles that may take it for an ordinary issue. */
  roles: readonly Role[];
  /** Roles for a 重大问题 when they differ (government only). */
  majorRoles?: readonly Role[];
  /** Only for these classes (e.g. 即知即改 closes on the spot); all classes when absent. */
  classes?: readonly IssueClass[];
  needs: readonly IssueActionInput[];
  /** A failed verification: counted on the issue and in the provider's figures. */
  countsAsReturn?: boolean;
}

const GOVERNMENT: readonly Role[] = ['admin', 'bureau', 'town'];
const PROVIDER: readonly Role[] = ['provider_manager', 'inspector'];
const GOVERNMENT_AND_PROVIDER: readonly Role[] = [...GOVERNMENT, ...PROVIDER];

function a(name: IssueActionName, from: IssueStatus, to: IssueStatus, roles: readonly Role[], more: Partial<Omit<IssueAction, 'name' | 'from' | 'to' | 'roles'>> = {}): IssueAction {
  return { name, from, to, roles, needs: [], ...more };
}

export const ISSUE_ACTIONS: readonly IssueAction[] = [
  a('confirm', 'found', 'confirmed', GOVERNMENT_AND_PROVIDER, { majorRoles: GOVERNMENT }),
  a('reject', 'found', 'rejected', GOVERNMENT_AND_PROVIDER, { majorRoles: GOVERNMENT, needs: ['reason'] }),
  // A grid cadre who sees a problem put right at once closes it with the after-photo too.
  a('fix_on_spot', 'found', 'closed', [...GOVERNMENT_AND_PROVIDER, 'grid'], { classes: ['on_spot'], needs: ['afterPhoto'] }),
  a('register', 'confirmed', 'registered', GOVERNMENT_AND_PROVIDER, { majorRoles: GOVERNMENT }),
  a('issue_notice', 'registered', 'rectifying', GOVERNMENT_AND_PROVIDER, { needs: ['deadline'] }),
  a('submit_evidence', 'rectifying', 'submitted', ['enterprise', ...PROVIDER], { needs: ['evidence'] }),
  a('verify', 'submitted', 'verified', GOVERNMENT_AND_PROVIDER, { needs: ['evidence'] }),
  a('return', 'submitted', 'returned', GOVERNMENT_AND_PROVIDER, { needs: ['reason'], countsAsReturn: true }),
  a('resume', 'returned', 'rectifying', GOVERNMENT_AND_PROVIDER, { needs: ['deadline'] }),
  a('close', 'verified', 'closed', GOVERNMENT_AND_PROVIDER, { majorRoles: GOVERNMENT }),
  a('escalate', 'confirmed', 'escalated', GOVERNMENT, { needs: ['caseReference'] }),
  a('escalate', 'registered', 'escalated', GOVERNMENT, { needs: ['caseReference'] }),
  a('escalate', 'rectifying', 'escalated', GOVERNMENT, { needs: ['caseReference'] }),
  a('cancel', 'found', 'cancelled', GOVERNMENT, { needs: ['reason'] }),
  a('cancel', 'confirmed', 'cancelled', GOVERNMENT, { needs: ['reason'] }),
  a('cancel', 'registered', 'cancelled', GOVERNMENT, { needs: ['reason'] }),
  a('cancel', 'rectifying', 'cancelled', GOVERNMENT, { needs: ['reason'] }),
];

/** Nothing leaves these. */
export const FINAL_ISSUE_STATUSES: readonly IssueStatus[] = ['closed', 'rejected', 'escalated', 'cancelled'];

/** Not problems after all (驳回, 撤销): left out of every count. */
export const NOT_COUNTED_STATUSES: readonly IssueStatus[] = ['rejected', 'cancelled'];

/** Statuses in which a deadline runs, so the issue can be overdue. */
export const OPEN_WITH_DEADLINE: readonly IssueStatus[] = ['rectifying', 'submitted', 'returned'];

export function isIssueStatus(value: string): value is IssueStatus {
  return (ISSUE_STATUS.values as readonly string[]).includes(value);
}

function rolesOf(action: IssueAction, issueClass: IssueClass): readonly Role[] {
  return issueClass === 'major' && action.majorRoles ? action.majorRoles : action.roles;
}

function appliesTo(action: IssueAction, issueClass: IssueClass): boolean {
  return !action.classes || action.classes.includes(issueClass);
}

/** The actions `role` may take on an issue of `issueClass` in `status` (what the server returns as allowedActions). */
export function issueActionsFor(status: IssueStatus, issueClass: IssueClass, role: Role): IssueAction[] {
  return ISSUE_ACTIONS.filter((x) => x.from === status && appliesTo(x, issueClass) && rolesOf(x, issueClass).includes(role));
}

export type IssueActionCheck =
  | { ok: true; action: IssueAction }
  | { ok: false; reason: 'no_such_action' | 'wrong_class' | 'role'; message: Bilingual };

/** Why `role` may or may not take `name` now: the server answers 400 (no such action here) or 403 (role). */
export function checkIssueAction(name: IssueActionName, status: IssueStatus, issueClass: IssueClass, role: Role): IssueActionCheck {
  const label = ISSUE_ACTION.labels[name];
  const from = ISSUE_STATUS.labels[status];
  const action = ISSUE_ACTIONS.find((x) => x.name === name && x.from === status);
  if (!action) {
    return { ok: false, reason: 'no_such_action', message: { zh: `问题处于“${from.zh}”状态，不能“${label.zh}”`, en: `An issue that is ${from.en.toLowerCase()} cannot be handled with "${label.en}"` } };
  }
  if (!appliesTo(action, issueClass)) {
    const cls = ISSUE_CLASS.labels[issueClass];
    return { ok: false, reason: 'wrong_class', message: { zh: `“${cls.zh}”类问题不能“${label.zh}”`, en: `"${label.en}" does not apply to an issue of class ${cls.en}` } };
  }
  if (!rolesOf(action, issueClass).includes(role)) {
    const major = issueClass === 'major' && action.majorRoles !== undefined;
    return {
      ok: false,
      reason: 'role',
      message: major
        ? { zh: `重大问题只能由区局、街镇/园区或系统管理员“${label.zh}”`, en: `Only the bureau, a town/park office or an administrator may "${label.en}" a major issue` }
        : { zh: `您的角色不能对问题“${label.zh}”`, en: `Your role may not "${label.en}" an issue` },
    };
  }
  return { ok: true, action };
}
