import { performance } from 'node:perf_hooks';
import type { Express as ExpressApp, Request, RequestHandler } from 'express';
import type { Logger } from '../logger';
import { requestId } from './request-id';

declare global {
  namespace Express {
    interface Request {
      /** The request id: the caller's X-Request-Id when sane, else a fresh UUID (echoed in the response). */
      id: string;
      /** The app's logger bound to this request (`req: { id, method, path }`), made on first use. */
      log: Logger;
    }
  }
}

type Level = 'error' | 'warn' | 'info' | 'debug';

/** A 503 is an answer the service chose (database out of reach, retry later), not a fault in it. */
export function responseLogLevel(status: number): Level {
  if (status === 503) return 'warn';
  if (status >= 500) return 'error';
  return status >= 400 ? 'info' : 'debug';
}

/** The URL may carry a calendar token; only the path is logged. */
const pathOf = (url: string): string => {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
};

const CHILD = Symbol('request logger');

/**
 * One access-log line per request when its response is done (or abandoned):
 * `req: { id, method, path }`, `res: { statusCode }`, `responseTime` in ms,
 * the same fields and messages the pino-http line had. It builds nothing for
 * a line its level does not let through (2xx at the default `info`), and the
 * per-request child logger (`req.log`) is made only by code that logs with it:
 * making one per request serialized its bindings on every call, the largest
 * cost of the old middleware on the hot read path.
 */
export function requestLogging(app: ExpressApp, logger: Logger): RequestHandler {
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: Request & { [CHILD]?: Logger }): Logger {
      this[CHILD] ??= logger.child({ req: { id: this.id, method: this.method, path: pathOf(this.originalUrl) } });
      return this[CHILD];
    },
  });
  return (req, res, next) => {
    const start = performance.now();
    req.id = requestId(req, res);
    // 'close' comes once per response, after 'finish' or when the client went away first.
    // A closure: putting this state on every response instead measured costlier.
    res.on('close', () => {
      const level = responseLogLevel(res.statusCode);
      if (!logger.isLevelEnabled(level)) return;
      const completed = res.writableFinished && !req.readableAborted;
      logger[level](
        {
          req: { id: req.id, method: req.method, path: pathOf(req.originalUrl) },
          res: { statusCode: res.statusCode },
          responseTime: Math.round((performance.now() - start) * 10) / 10,
        },
        res.statusCode >= 500 ? 'request errored' : completed ? 'request completed' : 'request aborted',
      );
    });
    next();
  };
}
