import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_dossier';
import * as m0003 from './0003_lifecycle';
import * as m0004 from './0004_documents';
import * as m0005 from './0005_ledgers';
import * as m0006 from './0006_notifications';
import * as m0007 from './0007_knowledge';
import * as m0008 from './0008_checklists';
import * as m0009 from './0009_inspections';
import * as m0010 from './0010_issues';
import * as m0011 from './0011_risk';

/** Every migration in order. Landed migrations are frozen: add a new file for each change. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_dossier': m0002,
  '0003_lifecycle': m0003,
  '0004_documents': m0004,
  '0005_ledgers': m0005,
  '0006_notifications': m0006,
  '0007_knowledge': m0007,
  '0008_checklists': m0008,
  '0009_inspections': m0009,
  '0010_issues': m0010,
  '0011_risk': m0011,
};
