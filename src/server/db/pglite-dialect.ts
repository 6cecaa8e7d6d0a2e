import type { PGlite, Transaction } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/**
 * Kysely dialect for the embedded PGlite database.
 *
 * PGlite is one single-session backend. Sending BEGIN/COMMIT as plain statements would let
 * any other caller's statement run inside the open transaction (and vanish with its rollback).
 * So this driver hands out its one connection to one caller at a time (a FIFO lock), and runs
 * every transaction through `pglite.transaction()`.
 */
export class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite);
  }
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

/** A FIFO lock: one holder at a time, waiters served in arrival order. */
class Lock {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

class PGliteDriver implements Driver {
  private readonly lock = new Lock();
  private readonly connection: PGliteConnection;
  private release: (() => void) | undefined;

  constructor(pglite: PGlite) {
    this.connection = new PGliteConnection(pglite);
  }
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    this.release = await this.lock.acquire();
    return this.connection;
  }
  async beginTransaction(connection: DatabaseConnection, settings: { isolationLevel?: string; accessMode?: string }) {
    await (connection as PGliteConnection).begin(settings);
  }
  async commitTransaction(connection: DatabaseConnection) {
    await (connection as PGliteConnection).end('commit');
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    await (connection as PGliteConnection).end('rollback');
  }
  async savepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdent(name)}`));
  }
  async rollbackToSavepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteIdent(name)}`));
  }
  async releaseSavepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdent(name)}`));
  }
  async releaseConnection() {
    const release = this.release;
    this.release = undefined;
    release?.();
  }
  async destroy() {}
}

function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

class PGliteConnection implements DatabaseConnection {
  private tx: Transaction | undefined;
  private finish: ((outcome: 'commit' | 'rollback') => void) | undefined;
  private done: Promise<unknown> | undefined;

  constructor(private readonly pglite: PGlite) {}

  /** Opens `pglite.transaction()` and keeps it open until `end()` settles it. */
  async begin(settings: { isolationLevel?: string; accessMode?: string }): Promise<void> {
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const outcome = new Promise<'commit' | 'rollback'>((resolve) => (this.finish = resolve));
    this.done = this.pglite.transaction(async (tx) => {
      this.tx = tx;
      if (settings.isolationLevel || settings.accessMode) {
        const parts = [];
        if (settings.isolationLevel) parts.push(`isolation level ${settings.isolationLevel}`);
        if (settings.accessMode) parts.push(settings.accessMode);
        await tx.query(`set transaction ${parts.join(' ')}`);
      }
      opened();
      if ((await outcome) === 'rollback') await tx.rollback();
    });
    // If opening failed, surface that error instead of waiting forever.
    await Promise.race([isOpen, this.done]);
  }

  async end(outcome: 'commit' | 'rollback'): Promise<void> {
    const finish = this.finish;
    const done = this.done;
    this.finish = undefined;
    this.done = undefined;
    this.tx = undefined;
    finish?.(outcome);
    await done;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const target = this.tx ?? this.pglite;
    const result = await target.query<R>(compiled.sql, compiled.parameters as unknown[], { rowMode: 'object' });
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on PGlite');
  }
}
