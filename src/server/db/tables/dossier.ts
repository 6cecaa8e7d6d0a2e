/** Kysely table types for the pollution-source dossier (一源一档): permits, outlets, facilities, devices, hazardous wastes, plans, penalties, ratings, proposals, negative list. */
export interface DossierTables {}
