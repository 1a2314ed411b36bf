import type { RequestHandler } from 'express';
import multer from 'multer';
import { READER_ROLES, WRITER_ROLES } from '../auth/caller';
import { badRequest, notFound, payloadTooLarge, validationProblem } from '../errors/problem';
import type { ApiRouter } from '../http/api-router';
import { decodeCursor, pageOf } from '../http/cursor';
import { IdParams, page } from '../http/schemas';
import { parseOrThrow } from '../http/validate';
import {
  importListItem,
  ImportListItem,
  ImportListQuery,
  ImportUploadDoc,
  ImportUploadFields,
  ImportView,
  importView,
} from './import-schemas';
import { checkMappingFields, confirmImport, dryRunImport } from './import-service';
import { findImport, listImports } from './import-store';

/** A spreadsheet of a newsroom's whole history fits; anything larger is not a spreadsheet of requests. */
export const IMPORT_MAX_BYTES = 25 * 1024 * 1024;

export function importRoutes(api: ApiRouter): void {
  const parse = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 8, parts: 9, fieldSize: 64 * 1024 },
  }).single('file');
  const upload: RequestHandler = (req, res, next) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { name?: string; code?: string; message: string };
      if (e.code === 'LIMIT_FILE_SIZE') return next(payloadTooLarge(`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`));
      if (e.name === 'MulterError') return next(badRequest(`The multipart body could not be read: ${e.message}.`, 'bad-upload'));
      return next(badRequest(`The multipart body could not be read: ${e.message}.`, 'bad-upload'));
    });

  api.route({
    method: 'post',
    path: '/v1/imports',
    summary: 'Dry-run a spreadsheet of earlier requests: what each row would create, and every error by row and column',
    description:
      'Multipart: `file` (CSV or XLSX), optional `mapping` (JSON: our field -> column header; guessed when absent, and the guess is in `suggestedMapping`), ' +
      '`timezone`, `jurisdiction` (for agencies the import creates) and `dateOrder`. Nothing but the import itself is stored; ' +
      'POST /v1/imports/{id}/confirm creates what this answer lists. See docs/imports.md for columns, date forms and disposition words.',
    tags: ['Imports'],
    access: { roles: WRITER_ROLES },
    middleware: [upload],
    documentedBody: { contentType: 'multipart/form-data', schema: ImportUploadDoc },
    responses: {
      200: { description: 'The dry run, stored as an import to confirm', schema: ImportView },
      413: { description: 'Too large' },
      415: { description: 'Not a CSV or XLSX file' },
    },
    handler: async ({ caller, db, req, deps }) => {
      const file = req.file;
      if (!file) {
        throw validationProblem([
          { in: 'body', field: 'file', message: 'Send the spreadsheet as multipart/form-data in a field named "file".' },
        ]);
      }
      const fields = parseOrThrow(ImportUploadFields, req.body ?? {}, 'body');
      let mapping: ReturnType<typeof checkMappingFields> | undefined;
      if (fields.mapping !== undefined) {
        if (typeof fields.mapping !== 'object' || fields.mapping === null || Array.isArray(fields.mapping)) {
          throw validationProblem([{ in: 'body', field: 'mapping', message: 'Must be a JSON object of our field -> column header.' }]);
        }
        mapping = checkMappingFields(fields.mapping as Record<string, unknown>);
      }
      const imp = await dryRunImport(
        db,
        caller,
        {
          bytes: file.buffer,
          filename:
            file.originalname
              .replace(/[\r\n\\/]+/g, ' ')
              .trim()
              .slice(0, 255) || 'upload',
          mapping,
          dateOrder: fields.dateOrder,
          timezone: fields.timezone,
          jurisdiction: fields.jurisdiction,
        },
        deps.clock(),
      );
      return { status: 200, body: importView(imp), headers: { Location: `/v1/imports/${imp.id}` } };
    },
  });

  api.route({
    method: 'post',
    path: '/v1/imports/{id}/confirm',
    summary: 'Create what a dry run listed, in one transaction',
    description:
      'Creates the new agencies, then per row the request filed at its filing date and its back-dated events (actor kind `import`, ' +
      'summary “Imported from <file> row N”); deadlines are computed from the filing and the events. A row that became a duplicate since the dry run is skipped and says so.',
    tags: ['Imports'],
    access: { roles: WRITER_ROLES },
    idempotent: true,
    params: IdParams,
    responses: {
      200: { description: 'The confirmed import with its per-row report', schema: ImportView },
      409: { description: 'Already confirmed' },
    },
    handler: async ({ caller, db, params, deps }) => {
      const imp = await confirmImport(db, caller, params.id, deps.clock());
      return { status: 200, body: importView(imp) };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/imports',
    summary: 'List the newsroom’s imports, newest first',
    tags: ['Imports'],
    access: { roles: READER_ROLES },
    query: ImportListQuery,
    responses: { 200: { description: 'A page of imports', schema: page(ImportListItem, 'ImportPage') } },
    handler: async ({ caller, db, query }) => {
      const before = decodeCursor(query.cursor, 2) as [string, string] | undefined;
      const rows = await listImports(db, caller.organizationId, { before, limit: query.limit });
      const { items, nextCursor } = pageOf(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
      return { status: 200, body: { items: items.map(importListItem), nextCursor } };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/imports/{id}',
    summary: 'Read an import: who, when, the file’s SHA-256, and what each row created or why it was skipped',
    tags: ['Imports'],
    access: { roles: READER_ROLES },
    params: IdParams,
    responses: { 200: { description: 'The import', schema: ImportView } },
    handler: async ({ caller, db, params }) => {
      const imp = await findImport(db, caller.organizationId, params.id);
      if (!imp) throw notFound('import');
      return { status: 200, body: importView(imp) };
    },
  });
}
