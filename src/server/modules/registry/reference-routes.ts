/** Reference data for the dossier's pickers: no jurisdiction, but a session is needed like every other API. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  HwCodeListSchema, HwCodeQuerySchema, IndustryListSchema, IndustryQuerySchema, StandardListSchema, StandardQuerySchema,
} from '../../../common/contracts/dossier';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import { requireActor } from '../../http/auth';
import { assertCreditLevels, searchHazardousWastes, searchIndustries } from './reference/catalogues';
import { standards } from './reference/standards';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema };
const tags = ['reference'];

export async function referenceRoutes(app: FastifyInstance): Promise<void> {
  // Fail at start-up, not on a user's save, when the shipped credit scheme and the code disagree.
  assertCreditLevels();
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/industries', { schema: { tags, summary: '国民经济行业分类 GB/T 4754-2017 / Industries', querystring: IndustryQuerySchema, response: { 200: IndustryListSchema, ...errors } } }, async (request) => {
    requireActor(request);
    return searchIndustries(request.query);
  });
  r.get('/api/standards', { schema: { tags, summary: '排放标准及限值 / Emission standards', querystring: StandardQuerySchema, response: { 200: StandardListSchema, ...errors } } }, async (request) => {
    requireActor(request);
    const { id, medium } = request.query;
    return { items: standards().filter((s) => (!id || s.id === id) && (!medium || s.medium === medium)) };
  });
  r.get('/api/hazardous-waste-codes', { schema: { tags, summary: '国家危险废物名录（2021年版） / Hazardous-waste codes', querystring: HwCodeQuerySchema, response: { 200: HwCodeListSchema, ...errors } } }, async (request) => {
    requireActor(request);
    return searchHazardousWastes(request.query);
  });
}
