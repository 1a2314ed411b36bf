import express, { type Express } from 'express';
import helmet from 'helmet';
import swaggerUi from 'swagger-ui-express';
import { agencyRoutes } from './agencies/agency-routes';
import { attachmentRoutes } from './attachments/attachment-routes';
import { eventRoutes } from './events/event-routes';
import { historyRoutes } from './history/history-routes';
import { bundleRoutes } from './bundle/bundle-routes';
import { CHECKPOINT_KEY_WELL_KNOWN, checkpointRoutes, sendCheckpointKey } from './checkpoints/checkpoint-routes';
import { importRoutes } from './imports/import-routes';
import { searchRoutes } from './search/search-routes';
import { calculatorRoutes } from './calculator/calculator-routes';
import type { Config } from './config';
import type { AppDeps } from './deps';
import { inboundRoutes } from './inbound/inbound-routes';
import { mailboxRoutes } from './inbound/mailbox-routes';
import { calendarRoutes } from './calendar/calendar-routes';
import { followUpRoutes } from './monitoring/follow-up-routes';
import { monitoringRoutes } from './monitoring/monitoring-routes';
import { settingsRoutes } from './organizations/settings-routes';
import { statsRoutes } from './stats/stats-routes';
import { ApiRouter } from './http/api-router';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { buildOpenApiDocument } from './http/openapi';
import { serviceUnavailable } from './errors/problem';
import { requestLogging } from './http/request-log';
import { requestRoutes } from './requests/request-routes';
import { jurisdictionRoutes } from './jurisdictions/jurisdiction-routes';
import { organizationRoutes } from './organizations/organization-routes';
import { sessionRoutes } from './sessions/session-routes';
import { tokenRoutes } from './tokens/token-routes';
import { userRoutes } from './users/user-routes';
import { findWebDist, webApp } from './http/web-app';

/** The route table: one line per feature, each feature's routes in its folder. */
export function buildApi(config: Config): ApiRouter {
  const api = new ApiRouter();
  organizationRoutes(api);
  userRoutes(api);
  sessionRoutes(api);
  tokenRoutes(api);
  agencyRoutes(api);
  jurisdictionRoutes(api);
  calculatorRoutes(api);
  requestRoutes(api);
  eventRoutes(api);
  attachmentRoutes(api, config.attachmentMaxBytes);
  historyRoutes(api);
  checkpointRoutes(api);
  bundleRoutes(api);
  searchRoutes(api);
  inboundRoutes(api, config);
  mailboxRoutes(api, config);
  monitoringRoutes(api);
  followUpRoutes(api);
  statsRoutes(api);
  calendarRoutes(api);
  settingsRoutes(api);
  importRoutes(api);
  return api;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);
  app.set('query parser', 'simple');

  app.use(requestLogging(app, deps.logger));
  app.use(helmet());
  const json = express.json({ limit: deps.config.bodyLimitBytes, type: ['application/json', 'application/*+json'] });
  // A GET or HEAD has no body the API reads; the parser would only look for one.
  app.use((req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? next() : json(req, res, next)));

  // The API first: its calls are the many, and it passes on anything not under /v1/.
  const api = buildApi(deps.config);
  app.use(api.handler(deps));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await deps.db.knex.raw('select 1');
    } catch {
      throw serviceUnavailable('The database is not reachable.');
    }
    res.json({ status: 'ready', database: deps.db.kind });
  });

  app.get(CHECKPOINT_KEY_WELL_KNOWN, (_req, res) => {
    sendCheckpointKey(res, deps.config);
  });

  const openapi = buildOpenApiDocument(api, deps.config.publicUrl);
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  // Swagger UI serves its own scripts from the package; no outside host needed.
  app.use(
    '/docs',
    helmet({
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
    }),
    swaggerUi.serve,
    swaggerUi.setup(undefined, { swaggerOptions: { url: '/openapi.json' } }),
  );

  app.use(webApp({ dir: deps.config.webDist ?? findWebDist(), https: deps.config.publicUrl.startsWith('https:') }));

  app.use(notFoundHandler());
  app.use(errorHandler(deps.logger));
  return app;
}
