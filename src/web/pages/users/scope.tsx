import { Form } from 'antd';
import type { UserView } from '../../../common/contracts/users';
import { PROVIDER_ROLES, REGION_ROLES, ROLE, type RegionLevel, type Role } from '../../../common/enums';
import { ProviderSelect } from '../../components/ProviderSelect';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { SourceSelect } from '../../components/SourceSelect';
import type { DictKey } from '../../i18n/dict';
import { useI18n } from '../../i18n/lang';

export type ScopeKind = 'region' | 'provider' | 'source' | 'none';

export function scopeKindOf(role: Role | undefined): ScopeKind {
  if (!role) return 'none';
  if (REGION_ROLES.includes(role)) return 'region';
  if (PROVIDER_ROLES.includes(role)) return 'provider';
  if (role === 'enterprise') return 'source';
  return 'none';
}

/** The region levels each region-scoped role is meant to hold. */
const LEVELS: Partial<Record<Role, readonly RegionLevel[]>> = {
  bureau: ['district'],
  town: ['town', 'park'],
  grid: ['grid'],
  expert: ['district', 'town', 'park', 'grid'],
};

/** Roles an actor may hand out in the form: never one above its own. */
export function assignableRoles(actor: Role): Role[] {
  if (actor === 'admin') return [...ROLE.values];
  if (actor === 'bureau') return ROLE.values.filter((r) => r !== 'admin');
  return ROLE.values.filter((r) => r !== 'admin' && r !== 'bureau');
}

/** The scope ids to send for a role: the one that fits, the others cleared. */
export function scopePayload(role: Role, v: { regionId?: string | null; providerId?: string | null; sourceId?: string | null }) {
  const kind = scopeKindOf(role);
  return {
    regionId: kind === 'region' ? (v.regionId ?? null) : null,
    providerId: kind === 'provider' ? (v.providerId ?? null) : null,
    sourceId: kind === 'source' ? (v.sourceId ?? null) : null,
  };
}

export function scopeName(u: UserView): string | null {
  return u.regionName ?? u.providerName ?? u.sourceName ?? null;
}

/** The one scope field that fits the chosen role (region tree, provider or enterprise). */
export function ScopeField({ role, sourceLabel }: { role: Role | undefined; sourceLabel?: string | null }) {
  const { t } = useI18n();
  const kind = scopeKindOf(role);
  if (kind === 'region' && role) {
    const hint = `users.regionHint.${role}` as DictKey;
    return (
      <Form.Item name="regionId" label={t('users.region')} rules={[{ required: true, message: t(hint) }]}>
        <RegionTreeSelect levels={LEVELS[role]} placeholder={t(hint)} testId="regionId" />
      </Form.Item>
    );
  }
  if (kind === 'provider') {
    return (
      <Form.Item
        name="providerId"
        label={t('users.provider')}
        rules={[{ required: true, message: t('common.select', { field: t('users.provider') }) }]}
      >
        <ProviderSelect placeholder={t('common.select', { field: t('users.provider') })} testId="providerId" />
      </Form.Item>
    );
  }
  if (kind === 'source') {
    return (
      <Form.Item name="sourceId" label={t('users.source')} rules={[{ required: true, message: t('users.sourceSearch') }]}>
        <SourceSelect initialLabel={sourceLabel} placeholder={t('users.sourceSearch')} testId="sourceId" />
      </Form.Item>
    );
  }
  return null;
}
