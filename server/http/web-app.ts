import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type RequestHandler, type Router } from 'express';
import helmet from 'helmet';

/** Paths that belong to the API and its documents: never answered with the app's index.html. */
const API_PREFIXES = ['/v1/', '/docs', '/openapi.json', '/healthz', '/readyz', '/.well-known/'];

/** Where `vite build` put the app: web/dist beside server/ when run from source, two levels up from dist/server/http. */
export function findWebDist(): string | undefined {
  const candidates = [path.resolve(__dirname, '../../web/dist'), path.resolve(__dirname, '../../../web/dist')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html')));
}

function wantsPage(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (API_PREFIXES.some((p) => req.path === p.replace(/\/$/, '') || req.path.startsWith(p))) return false;
  // A script asking for JSON at an unknown path gets the API's 404, not a page.
  return req.accepts(['html', 'json']) === 'html';
}

/**
 * The content security policy of the app's pages: scripts only from this origin
 * (no inline script, no eval); Mantine writes its theme into a style element, so
 * inline styles are allowed; files of a request are previewed in a same-origin frame.
 */
export function appSecurityHeaders(https: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'frame-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'self'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
  });
}

/**
 * Serves the single-page app built into web/dist: hashed assets cached for a
 * year, index.html for every page path (deep links, links in emails) and never
 * cached, so a new deploy is picked up on the next navigation.
 */
export function webApp(opts: { dir: string | undefined; https: boolean }): Router {
  const router = express.Router();
  const dir = opts.dir && fs.existsSync(path.join(opts.dir, 'index.html')) ? opts.dir : undefined;
  const security = appSecurityHeaders(opts.https);
  if (!dir) {
    router.use((req, res, next) => {
      if (!wantsPage(req)) return next();
      res
        .status(503)
        .type('text/plain')
        .send('The web app is not built yet. `npm start` builds it on the first start; from a checkout, run `npm run build:web`.\n');
    });
    return router;
  }
  const indexHtml = fs.readFileSync(path.join(dir, 'index.html'));
  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
    }),
  );
  router.use((req, res, next) => {
    if (!wantsPage(req)) return next();
    security(req, res, () => {
      res.set('Cache-Control', 'no-cache');
      res.type('html').send(indexHtml);
    });
  });
  return router;
}
