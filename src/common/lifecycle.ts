/**
 * The pollution source's lifecycle (全生命周期) as a pure table, enforced by the server and read by the UI.
 *
 *   准入评估 screening → 建设 construction → 调试 trial → 验收 acceptance → 运营 operating
 *   → 停产 suspended / 搬迁 relocating / 关闭 closed (final)
 *
 * Who may take a transition is part of the table. Status changes are administrative acts of the
 * bureau and the town/park office (and the administrator). Provider staff (环保管家) may record only
 * what they observe on a site visit: a plant stopping (operating → suspended) or resuming
 * (suspended → operating). Enterprise, grid and expert users take none: an enterprise asks for
 * changes of its basic data through a change proposal, never of its status.
 */
import { labelled, type Bilingual, type Role } from './enums';

export const LIFECYCLE_STATUS = labelled({
  screening: { zh: '准入评估', en: 'Entry screening' },
  construction: { zh: '建设', en: 'Construction' },
  trial: { zh: '调试', en: 'Trial operation' },
  acceptance: { zh: '验收', en: 'Completion acceptance' },
  operating: { zh: '运营', en: 'Operating' },
  suspended: { zh: '停产', en: 'Suspended' },
  relocating: { zh: '搬迁', en: 'Relocating' },
  closed: { zh: '关闭', en: 'Closed' },
});
export type LifecycleStatus = (typeof LIFECYCLE_STATUS.values)[number];

/** 'transition': POST /api/sources/:id/transitions. 'relocate': only by moving the source (POST /api/sources/:id/relocate). */
export type TransitionVia = 'transition' | 'relocate';

export interface LifecycleTransition {
  from: LifecycleStatus;
  to: LifecycleStatus;
  label: Bilingual;
  roles: readonly Role[];
  via: TransitionVia;
}

const GOVERNMENT: readonly Role[] = ['admin', 'bureau', 'town'];
const GOVERNMENT_AND_PROVIDER: readonly Role[] = [...GOVERNMENT, 'provider_manager', 'inspector'];

function t(from: LifecycleStatus, to: LifecycleStatus, zh: string, en: string, roles = GOVERNMENT, via: TransitionVia = 'transition'): LifecycleTransition {
  return { from, to, label: { zh, en }, roles, via };
}

export const LIFECYCLE_TRANSITIONS: readonly LifecycleTransition[] = [
  t('screening', 'construction', '准入通过，开工建设', 'Admitted; construction starts'),
  t('screening', 'closed', '准入未通过或项目取消', 'Not admitted or project withdrawn'),
  t('construction', 'trial', '竣工，进入调试', 'Built; trial operation starts'),
  t('construction', 'suspended', '停建', 'Construction halted'),
  t('construction', 'closed', '项目终止', 'Project terminated'),
  t('trial', 'acceptance', '申请竣工环保验收', 'Completion acceptance requested'),
  t('trial', 'suspended', '调试期间停产', 'Suspended during trial operation'),
  t('trial', 'closed', '关闭', 'Closed'),
  t('acceptance', 'operating', '验收通过，正式运营', 'Accepted; regular operation'),
  t('acceptance', 'trial', '验收未通过，整改后继续调试', 'Acceptance failed; back to trial after rectification'),
  t('operating', 'suspended', '停产', 'Production suspended', GOVERNMENT_AND_PROVIDER),
  t('operating', 'relocating', '启动搬迁', 'Relocation starts'),
  t('operating', 'closed', '关闭', 'Closed'),
  t('suspended', 'operating', '复产', 'Production resumed', GOVERNMENT_AND_PROVIDER),
  t('suspended', 'construction', '复工建设', 'Construction resumed'),
  t('suspended', 'trial', '恢复调试', 'Trial operation resumed'),
  t('suspended', 'relocating', '启动搬迁', 'Relocation starts'),
  t('suspended', 'closed', '关闭', 'Closed'),
  t('relocating', 'operating', '搬迁完成，在新址运营', 'Relocated; operating at the new site', GOVERNMENT, 'relocate'),
  t('relocating', 'construction', '搬迁至新址建设', 'Relocated; building at the new site', GOVERNMENT, 'relocate'),
  t('relocating', 'suspended', '搬迁中止，停产', 'Relocation halted; suspended'),
  t('relocating', 'closed', '不再搬迁，关闭', 'Closed instead of relocated'),
];

/** The final states: nothing leaves them. */
export const FINAL_STATUSES: readonly LifecycleStatus[] = ['closed'];

/** Roles that may move a source to another grid/town/park. */
export const RELOCATION_ROLES: readonly Role[] = GOVERNMENT;

/**
 * The statuses a source may be moved from, and the statuses it may have afterwards. A source in
 * 搬迁 completes its move (relocating → operating | construction); a project still in 准入评估 or
 * 建设 may change site and keeps its status. Everything else first goes to 搬迁.
 */
export const RELOCATION_OUTCOMES: Partial<Record<LifecycleStatus, readonly LifecycleStatus[]>> = {
  screening: ['screening'],
  construction: ['construction'],
  relocating: ['operating', 'construction'],
};

export function isLifecycleStatus(value: string): value is LifecycleStatus {
  return (LIFECYCLE_STATUS.values as readonly string[]).includes(value);
}

export function findTransition(from: string, to: string): LifecycleTransition | undefined {
  return LIFECYCLE_TRANSITIONS.find((tr) => tr.from === from && tr.to === to);
}

/** The transitions out of `from` that `role` may take (both kinds; the UI offers 'relocate' ones as the move form). */
export function transitionsFor(from: string, role: Role): LifecycleTransition[] {
  return LIFECYCLE_TRANSITIONS.filter((tr) => tr.from === from && tr.roles.includes(role));
}

export function canRelocate(status: string, role: Role): boolean {
  return RELOCATION_ROLES.includes(role) && isLifecycleStatus(status) && RELOCATION_OUTCOMES[status] !== undefined;
}
