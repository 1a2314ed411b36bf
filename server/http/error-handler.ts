import type { ErrorRequestHandler, RequestHandler } from 'express';
import { problemFromDatabaseError } from '../errors/pg-errors';
import type { Logger } from '../logger';
import { DeadlineInputError } from '../deadlines';
import { Problem, badRequest, notFound, payloadTooLarge, unsupportedMediaType, validationProblem } from '../errors/problem';
import { FileIntegrityError } from '../files/file-store';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Errors raised by body-parser and Express itself carry a status and a type. */
interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

function fromHttpError(err: HttpishError): Problem | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return badRequest('The body is not valid JSON.', 'malformed-json');
    case 'entity.too.large':
      return payloadTooLarge('The body is larger than this endpoint accepts.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return unsupportedMediaType('The body’s encoding or charset is not supported; send UTF-8.');
    default:
      break;
  }
  if ((err as { name?: string }).name === 'MulterError') {
    const code = (err as { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE') return payloadTooLarge('The file is larger than this server accepts.');
    return badRequest(`The upload could not be read (${code ?? 'multipart error'}); send one file in the field "file".`, 'bad-upload');
  }
  const status = err.status ?? err.statusCode;
  if (status && status >= 400 && status < 500) {
    return new Problem({ status, slug: 'bad-request', title: 'Bad request', detail: 'The request could not be read.' });
  }
  return undefined;
}

export function toProblem(err: unknown): Problem | undefined {
  if (err instanceof Problem) return err;
  // The engine names the input field it could not judge; its paths use [i] for indexes.
  // A stored file read whole (an .eml being filed or sent) whose bytes no longer match its name.
  if (err instanceof FileIntegrityError) {
    return new Problem({
      status: 409,
      slug: 'file-integrity',
      title: 'Stored file failed its integrity check',
      detail: 'A stored file no longer matches the SHA-256 recorded for it, so it was not used; an operator must restore it from a backup.',
      extensions: { expectedSha256: err.sha256, actualSha256: err.actualSha256 },
    });
  }
  if (err instanceof DeadlineInputError) {
    return validationProblem([{ in: 'body', field: err.field.replace(/\[(\d+)\]/g, '.$1'), message: err.message }]);
  }
  return problemFromDatabaseError(err) ?? (typeof err === 'object' && err !== null ? fromHttpError(err as HttpishError) : undefined);
}

/** The error's name, code and message: an outage repeats on every call, and a stack each time says nothing new. */
function describe(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const { code } = err as { code?: unknown };
  return { type: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}) };
}

export function notFoundHandler(): RequestHandler {
  return (_req, _res, next) => next(notFound('route'));
}

/** The last middleware: a problem for every error, never a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let problem = toProblem(err);
    if (!problem) {
      (req.log ?? logger).error({ err }, 'unhandled error');
      problem = new Problem({
        status: 500,
        slug: 'internal',
        title: 'Internal server error',
        detail: 'Something went wrong on our side; it has been logged.',
      });
    } else if (problem.status >= 500) {
      // An outage the service answers for (the database gone, a retry asked) is a
      // warning: the operator watches /readyz, and one line per call is enough.
      (req.log ?? logger).warn({ err: describe(err) }, problem.detail ?? problem.title);
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(problem.status).set(problem.headers).type(PROBLEM_CONTENT_TYPE);
    res.send(JSON.stringify({ ...problem.toBody(req.originalUrl), requestId: req.id }));
  };
}
