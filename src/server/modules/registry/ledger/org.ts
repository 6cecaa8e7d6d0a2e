/** Which organisation owns an import batch, and who may import at all. */
import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import { LEDGER_IMPORT_ROLES } from '../../../../common/contracts/ledgers';
import { scopeOf, type Actor } from '../../../db/scope';
import { forbidden } from '../../../http/errors';

/**
 * A batch belongs to the uploader's organisation, so colleagues of the same town (or provider) can
 * finish each other's imports: the region for region roles, the provider for its staff, one
 * organisation for all administrators.
 */
export function orgKeyOf(actor: Actor): string {
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return 'admin';
    case 'region':
      return `region:${actor.regionId}`;
    case 'provider':
      return `provider:${scope.providerId}`;
    case 'source':
      return `source:${scope.sourceId}`;
    default:
      return `user:${actor.userId}`;
  }
}

/** Predicate on a `ledger_imports` row owned by the actor's organisation; anyone else's does not exist (404). */
export function importInScope(actor: Actor, alias = 'ledger_imports') {
  const key = orgKeyOf(actor);
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => eb(`${alias}.org_key`, '=', key);
}

export function assertMayImport(actor: Actor): void {
  if (!LEDGER_IMPORT_ROLES.includes(actor.role)) throw forbidden();
}
