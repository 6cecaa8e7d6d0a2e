import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { ClientConfigSchema, HealthSchema } from '../../common/contracts/auth';
import { archiveRoutes } from '../modules/archive';
import { checklistRoutes } from '../modules/checklists';
import { identityRoutes } from '../modules/identity';
import { inspectionRoutes } from '../modules/inspections';
import { issueRoutes } from '../modules/issues';
import { reportingRoutes } from '../modules/reporting';
import { riskRoutes } from '../modules/risk';
import { workdayRoutes } from '../modules/workdays';
import { knowledgeRoutes } from '../modules/knowledge';
import { lifecycleRoutes } from '../modules/lifecycle';
import { notificationRoutes } from '../modules/notifications';
import { providerRoutes } from '../modules/providers';
import { regionRoutes } from '../modules/regions';
import { registryRoutes } from '../modules/registry';
import { ledgerRoutes } from '../modules/registry/ledger';
import { installAuth } from './auth';
import type { AppContext } from './context';
import { installErrorHandler } from './error-handler';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');
const BODY_LIMIT = 1024 * 1024;

export async function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: BODY_LIMIT,
    trustProxy: process.env.TRUST_PROXY === '1',
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'EcoSteward 环保管家平台 API', version: ctx.version, description: '所有变更需要 x-csrf-token 头 / every mutation needs the x-csrf-token header' },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  installAuth(app, ctx);

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    { schema: { tags: ['system'], summary: '健康检查 / Health', response: { 200: HealthSchema } } },
    async () => ({ status: 'ok' as const, version: ctx.version, engine: ctx.engine }),
  );
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/client-config',
    { schema: { tags: ['system'], summary: '前端运行配置 / Client configuration', response: { 200: ClientConfigSchema } } },
    async () => ({ mapTileUrl: ctx.config.mapTileUrl ?? null, mapTileAttribution: ctx.config.mapTileAttribution }),
  );
  await app.register(identityRoutes(ctx));
  await app.register(regionRoutes(ctx));
  await app.register(registryRoutes(ctx));
  await app.register(lifecycleRoutes(ctx));
  await app.register(ledgerRoutes(ctx));
  await app.register(providerRoutes(ctx));
  await app.register(notificationRoutes(ctx));
  await app.register(archiveRoutes(ctx));
  await app.register(checklistRoutes(ctx));
  await app.register(knowledgeRoutes(ctx));
  await app.register(inspectionRoutes(ctx));
  await app.register(issueRoutes(ctx));
  await app.register(reportingRoutes(ctx));
  await app.register(workdayRoutes(ctx));
  await app.register(riskRoutes(ctx));

  await serveWeb(app);
  return app;
}

/** Serves the built single-page app; unknown non-API paths get index.html so client routes work. */
async function serveWeb(app: FastifyInstance): Promise<void> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) return;
  await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ['index.html'] });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const url = request.url.split('?')[0];
    if (url.startsWith('/api/')) {
      return reply.status(404).send({ code: 'route_not_found', message: { zh: `接口不存在：${url}`, en: `No such endpoint: ${url}` } });
    }
    const file = path.join(WEB_DIST, path.normalize(url));
    if (file.startsWith(WEB_DIST) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(path.relative(WEB_DIST, file));
    return reply.sendFile('index.html');
  });
}
