import type { ServerResponse } from 'node:http';
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
const STARTED = Symbol('request started');
const LOGGER = Symbol('access logger');

type Logged = ServerResponse & { [STARTED]: number; [LOGGER]: Logger; req: Request };

// One function for every response, not a closure made per request.
function logResponse(this: Logged): void {
  const logger = this[LOGGER];
  const level = responseLogLevel(this.statusCode);
  if (!logger.isLevelEnabled(level)) return;
  const req = this.req;
  const completed = this.writableFinished && !req.readableAborted;
  logger[level](
    {
      req: { id: req.id, method: req.method, path: pathOf(req.originalUrl) },
      res: { statusCode: this.statusCode },
      responseTime: Math.round((performance.now() - this[STARTED]) * 10) / 10,
    },
    this.statusCode >= 500 ? 'request errored' : completed ? 'request completed' : 'request aborted',
  );
}

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
    const logged = res as unknown as Logged;
    logged[STARTED] = performance.now();
    logged[LOGGER] = logger;
    req.id = requestId(req, res);
    // 'close' comes once per response, after 'finish' or when the client went away first.
    res.on('close', logResponse);
    next();
  };
}
