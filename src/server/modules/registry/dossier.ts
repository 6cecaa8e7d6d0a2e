/** One source's whole dossier: basic data with the names of its places, every section, completeness. */
import type { Kysely, Transaction } from 'kysely';
import type { Dossier, SourceBasics } from '../../../common/contracts/dossier';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';
import { mayEditDossier, sourceNotFound } from './access';
import { completenessOf } from './completeness';
import { sourcePlaceFields, withPlaceNames } from './places';
import { loadSections } from './sections/rows';

/** A source row with the names of its town, grid and park, in the actor's jurisdiction; 404 outside it. */
export async function sourceWithPlaces(db: Kysely<DB> | Transaction<DB>, actor: Actor, id: string) {
  const r = await withPlaceNames(db.selectFrom('sources'))
    .selectAll('sources')
    .where('sources.id', '=', id)
    .where(sourceInScope(actor))
    .executeTakeFirst();
  if (!r) throw sourceNotFound();
  return r;
}

export async function getSourceBasics(db: Kysely<DB>, actor: Actor, id: string): Promise<SourceBasics> {
  const r = await sourceWithPlaces(db, actor, id);
  return {
    ...sourcePlaceFields(r),
    legalRepresentative: r.legal_representative,
    scale: r.scale as SourceBasics['scale'],
    employees: r.employees,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    envDirectorName: r.env_director_name,
    envDirectorPhone: r.env_director_phone,
    registeredCapitalWan: r.registered_capital_wan,
    establishedOn: r.established_on,
    landAreaM2: r.land_area_m2,
    annualOutputWan: r.annual_output_wan,
    mainProducts: r.main_products,
    mainMaterials: r.main_materials,
    annualOperatingHours: r.annual_operating_hours,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function getDossier(db: Kysely<DB>, actor: Actor, id: string): Promise<Dossier> {
  const source = await getSourceBasics(db, actor, id);
  const [sections, completeness] = await Promise.all([loadSections(db, id), completenessOf(db, [id])]);
  return { source, sections, completeness: completeness.get(id)!, version: source.version, canEdit: mayEditDossier(actor) };
}
