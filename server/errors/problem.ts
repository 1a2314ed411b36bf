// RFC 9457 problem details. Every error a client sees is one of these; the
// error handler turns anything else into a bare 500 without internals.

export interface FieldError {
  /** Where the bad value was: body, query, path or header. */
  in: 'body' | 'query' | 'path' | 'header';
  /** Dotted path to the field, e.g. "requester.email"; empty for the whole value. */
  field: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TYPE_PREFIX = 'urn:records-tracker:problem:';

export class Problem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(opts: {
    status: number;
    slug: string;
    title: string;
    detail?: string;
    errors?: FieldError[];
    extensions?: Record<string, unknown>;
    headers?: Record<string, string>;
  }) {
    super(opts.detail ?? opts.title);
    this.status = opts.status;
    this.type = TYPE_PREFIX + opts.slug;
    this.title = opts.title;
    this.detail = opts.detail;
    this.errors = opts.errors;
    this.extensions = opts.extensions ?? {};
    this.headers = opts.headers ?? {};
  }

  toBody(instance?: string): ProblemBody {
    return {
      ...this.extensions,
      type: this.type,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const validationProblem = (errors: FieldError[], detail = 'The request has invalid fields.') =>
  new Problem({ status: 400, slug: 'validation', title: 'Invalid request', detail, errors });

export const badRequest = (detail: string, slug = 'bad-request') => new Problem({ status: 400, slug, title: 'Bad request', detail });

export const unauthorized = (detail = 'A valid bearer token is required.') =>
  new Problem({
    status: 401,
    slug: 'unauthorized',
    title: 'Unauthorized',
    detail,
    headers: { 'WWW-Authenticate': 'Bearer realm="records-tracker"' },
  });

export const forbidden = (detail: string) => new Problem({ status: 403, slug: 'forbidden', title: 'Forbidden', detail });

export const notFound = (what = 'resource') =>
  new Problem({ status: 404, slug: 'not-found', title: 'Not found', detail: `No such ${what}.` });

export const conflict = (detail: string, slug = 'conflict', extensions?: Record<string, unknown>) =>
  new Problem({ status: 409, slug, title: 'Conflict', detail, ...(extensions ? { extensions } : {}) });

export const unsupportedMediaType = (detail: string) =>
  new Problem({ status: 415, slug: 'unsupported-media-type', title: 'Unsupported media type', detail });

export const payloadTooLarge = (detail: string) =>
  new Problem({ status: 413, slug: 'payload-too-large', title: 'Payload too large', detail });

export const serviceUnavailable = (detail: string) =>
  new Problem({ status: 503, slug: 'unavailable', title: 'Service unavailable', detail });
