import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema';
import type { Client } from './api';

/** Targets inside 浦江镇, the jurisdiction of the demo 'town' user (and of 'provider', 'grid', 'enterprise'). */
export interface ScopeFixtures {
  db: Kysely<DB>;
  app: FastifyInstance;
  admin: Client;
  townId: string;
  gridRegionId: string;
  /** The demo 'enterprise' user's source: inside the town, the grid and the 'provider' user's contract. */
  enterpriseSourceId: string;
  gridUserId: string;
}

/**
 * One endpoint that takes an id, for the jurisdiction matrix in tests/api/scope.test.ts: users of
 * another town, another provider and another enterprise must get 404; the user named by `okAs`
 * (default 'town') gets `okStatus` (default 200).
 */
export interface ScopeEndpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The path as the OpenAPI document names it, e.g. '/api/sources/{id}'. */
  path: string;
  /** Builds a fresh request against a target inside 浦江镇, creating the target if it needs one. */
  request(f: ScopeFixtures): Promise<{ url: string; body?: unknown }>;
  okStatus?: number;
  okAs?: string;
}
