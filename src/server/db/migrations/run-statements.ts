import { sql, type Kysely } from 'kysely';

/**
 * Runs a block of DDL one statement at a time: PGlite's extended protocol takes one statement
 * per query. Statements are separated by a semicolon at the end of a line; none of ours has one inside.
 */
export async function runStatements(db: Kysely<any>, block: string): Promise<void> {
  for (const statement of block.split(/;\s*\n/)) {
    const text = statement.replace(/^\s*--.*$/gm, '').trim();
    if (text) await sql.raw(text).execute(db);
  }
}
