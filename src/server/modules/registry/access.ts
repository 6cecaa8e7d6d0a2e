/** Who may change a dossier, and the transaction and scope helpers every dossier mutation uses. */
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../../../common/enums';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';
import { forbidden, notFound } from '../../http/errors';

/** Roles that edit dossiers directly; enterprises propose changes (lifecycle module), grid and expert read. */
export const DOSSIER_EDIT_ROLES: readonly Role[] = ['admin', 'bureau', 'town', 'provider_manager', 'inspector'];
/** Roles that register a new source by hand (a provider's scope is its contracted sources, a new one is in none). */
export const SOURCE_CREATE_ROLES: readonly Role[] = ['admin', 'bureau', 'town'];

export function mayEditDossier(actor: Actor): boolean {
  return DOSSIER_EDIT_ROLES.includes(actor.role);
}

/** Call after the scope check: an in-scope source answers 403 to a read-only role, an out-of-scope one 404. */
export function assertMayEditDossier(actor: Actor): void {
  if (!mayEditDossier(actor)) throw forbidden();
}

export const sourceNotFound = () => notFound('Pollution source', '污染源');

/** Runs `fn` in the caller's transaction when `db` is one (e.g. the ledger importer's), else in a new one. */
export async function inTransaction<T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<DB>);
  return db.transaction().execute(fn);
}

/** The source in the actor's jurisdiction, locked for the rest of the transaction; 404 outside it. */
export async function lockSourceInScope(trx: Transaction<DB>, actor: Actor, id: string) {
  const visible = await trx.selectFrom('sources').select('id').where('id', '=', id).where(sourceInScope(actor)).executeTakeFirst();
  if (!visible) throw sourceNotFound();
  return trx.selectFrom('sources').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}
