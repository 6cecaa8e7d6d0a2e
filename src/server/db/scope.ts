import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Role } from '../../common/enums';
import { PROVIDER_ROLES, REGION_ROLES } from '../../common/enums';

/**
 * The one place where jurisdiction is decided. Every query of scoped data filters through
 * one of the predicates below; routes never filter by hand. Out-of-scope rows simply do not
 * exist for the actor, so reads and writes of them answer 404.
 */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  regionId: string | null;
  /** Materialised path of the actor's region, e.g. '/310112/310112102/'. */
  regionPath: string | null;
  regionLevel: string | null;
  providerId: string | null;
  sourceId: string | null;
  ip: string | null;
}

export type Scope =
  | { kind: 'all' }
  | { kind: 'region'; path: string }
  | { kind: 'provider'; providerId: string }
  | { kind: 'source'; sourceId: string }
  | { kind: 'none' };

export function scopeOf(actor: Actor): Scope {
  if (actor.role === 'admin') return { kind: 'all' };
  if (REGION_ROLES.includes(actor.role) && actor.regionPath) return { kind: 'region', path: actor.regionPath };
  if (PROVIDER_ROLES.includes(actor.role) && actor.providerId) return { kind: 'provider', providerId: actor.providerId };
  if (actor.role === 'enterprise' && actor.sourceId) return { kind: 'source', sourceId: actor.sourceId };
  return { kind: 'none' };
}

/** Region paths are built from codes of [0-9A-Za-z], so a prefix needs no LIKE escaping; refuse anything else. */
function prefix(path: string): string {
  if (!/^[/0-9A-Za-z]+$/.test(path)) throw new Error(`unsafe region path ${path}`);
  return `${path}%`;
}

const FALSE = sql<SqlBool>`false`;
const TRUE = sql<SqlBool>`true`;

/** Predicate on a `sources` row (under `alias`) being inside the actor's jurisdiction. */
export function sourceInScope(actor: Actor, alias = 'sources') {
  const scope = scopeOf(actor);
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    switch (scope.kind) {
      case 'all':
        return TRUE;
      case 'region':
        return eb.or([
          eb(`${alias}.region_path`, 'like', prefix(scope.path)),
          eb(`${alias}.park_path`, 'like', prefix(scope.path)),
        ]);
      case 'provider':
        return eb(
          `${alias}.id`,
          'in',
          eb.selectFrom('provider_sources').select('provider_sources.source_id').where('provider_sources.provider_id', '=', scope.providerId),
        );
      case 'source':
        return eb(`${alias}.id`, '=', scope.sourceId);
      default:
        return FALSE;
    }
  };
}

/** Predicate on a `regions` row being visible: its subtree for region actors, the regions holding their sources otherwise. */
export function regionVisible(actor: Actor, alias = 'regions') {
  const scope = scopeOf(actor);
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    switch (scope.kind) {
      case 'all':
        return TRUE;
      case 'region':
        return eb(`${alias}.path`, 'like', prefix(scope.path));
      case 'provider':
      case 'source':
        return eb.exists(
          eb
            .selectFrom('sources as visible_source')
            .select(sql`1`.as('one'))
            .where(sourceInScope(actor, 'visible_source'))
            .where((inner) =>
              inner.or([
                inner('visible_source.region_path', 'like', sql<string>`${sql.ref(`${alias}.path`)} || '%'`),
                inner('visible_source.park_path', 'like', sql<string>`${sql.ref(`${alias}.path`)} || '%'`),
              ]),
            ),
        );
      default:
        return FALSE;
    }
  };
}

/** Predicate on a region row that the actor may change (rename, add children under). */
export function regionManageable(actor: Actor, alias = 'regions') {
  const scope = scopeOf(actor);
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    if (scope.kind === 'all') return TRUE;
    if (scope.kind !== 'region' || !['bureau', 'town'].includes(actor.role)) return FALSE;
    return eb(`${alias}.path`, 'like', prefix(scope.path));
  };
}

/**
 * Predicate on a `users` row (under `alias`) that the actor may see and manage:
 * admins all; bureau and town users those anchored in their subtree, the enterprise users of
 * their sources, and (district level only) the providers' staff.
 */
export function userInScope(actor: Actor, alias = 'users') {
  const scope = scopeOf(actor);
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    if (scope.kind === 'all') return TRUE;
    if (scope.kind !== 'region' || !['bureau', 'town'].includes(actor.role)) return FALSE;
    const branches: Expression<SqlBool>[] = [
      eb(
        `${alias}.region_id`,
        'in',
        eb.selectFrom('regions as scope_region').select('scope_region.id').where('scope_region.path', 'like', prefix(scope.path)),
      ),
      eb(`${alias}.source_id`, 'in', eb.selectFrom('sources').select('sources.id').where(sourceInScope(actor))),
    ];
    if (actor.regionLevel === 'district') {
      branches.push(
        eb(
          `${alias}.provider_id`,
          'in',
          eb
            .selectFrom('provider_sources')
            .innerJoin('sources', 'sources.id', 'provider_sources.source_id')
            .select('provider_sources.provider_id')
            .where(sourceInScope(actor)),
        ),
      );
    }
    return eb.and([eb(`${alias}.role`, '<>', 'admin'), eb.or(branches)]);
  };
}

/** Predicate on a `providers` row the actor can see: all for admins and district users, its own for provider staff. */
export function providerInScope(actor: Actor, alias = 'providers') {
  const scope = scopeOf(actor);
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    switch (scope.kind) {
      case 'all':
        return TRUE;
      case 'provider':
        return eb(`${alias}.id`, '=', scope.providerId);
      case 'region':
        return eb(
          `${alias}.id`,
          'in',
          eb
            .selectFrom('provider_sources')
            .innerJoin('sources', 'sources.id', 'provider_sources.source_id')
            .select('provider_sources.provider_id')
            .where(sourceInScope(actor)),
        );
      default:
        return FALSE;
    }
  };
}
