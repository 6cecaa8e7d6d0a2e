/** One source's whole dossier: basic data with the names of its places, every section, completeness. */
import type { Kysely } from 'kysely';
import type { Dossier, SourceBasics } from '../../../common/contracts/dossier';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';
import { mayEditDossier, sourceNotFound } from './access';
import { completenessOf } from './completeness';
import { industryClass } from './reference/catalogues';
import { loadSections } from './sections/rows';

export async function getSourceBasics(db: Kysely<DB>, actor: Actor, id: string): Promise<SourceBasics> {
  const r = await db
    .selectFrom('sources')
    .innerJoin('regions as town', 'town.id', 'sources.town_id')
    .innerJoin('regions as grid', 'grid.id', 'sources.grid_id')
    .leftJoin('regions as park', 'park.id', 'sources.park_id')
    .selectAll('sources')
    .select(['town.name as town_name', 'grid.name as grid_name', 'park.name as park_name'])
    .where('sources.id', '=', id)
    .where(sourceInScope(actor))
    .executeTakeFirst();
  if (!r) throw sourceNotFound();
  return {
    id: r.id,
    name: r.name,
    uscc: r.uscc,
    sourceType: r.source_type,
    industryCode: r.industry_code,
    industryName: industryClass(r.industry_code)?.name ?? null,
    permitClass: r.permit_class,
    lifecycleStatus: r.lifecycle_status,
    townId: r.town_id,
    townName: r.town_name,
    parkId: r.park_id,
    parkName: r.park_name,
    gridId: r.grid_id,
    gridName: r.grid_name,
    address: r.address,
    longitude: r.longitude,
    latitude: r.latitude,
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
