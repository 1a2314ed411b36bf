import { pipeline } from 'node:stream/promises';
import type { RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { READER_ROLES, WRITER_ROLES } from '../auth/caller';
import type { ApiRouter } from '../http/api-router';
import { badRequest, notFound, Problem, unsupportedMediaType } from '../errors/problem';
import { FileIntegrityError } from '../files/file-store';
import { IdParams } from '../http/schemas';
import { findRequest } from '../requests/request-store';
import { cleanFilename, ContentTypeRefused, sniffContentType } from './content-type';
import { findAttachment, insertAttachment, listAttachments, type AttachmentRecord } from './attachment-store';

const AttachmentView = z
  .object({
    id: z.uuid(),
    sha256: z.string(),
    size: z.number(),
    contentType: z.string().meta({ description: 'Detected from the bytes, not taken from the upload.' }),
    filename: z.string(),
    source: z.string(),
    eventId: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Attachment' });

const view = (a: AttachmentRecord) => ({
  id: a.id,
  sha256: a.sha256,
  size: a.size,
  contentType: a.contentType,
  filename: a.filename,
  source: a.source,
  eventId: a.eventId,
  createdAt: a.createdAt.toISOString(),
});

const FileParams = z.object({ id: z.uuid({ message: 'Must be a UUID.' }), attachmentId: z.uuid({ message: 'Must be a UUID.' }) }).strict();

export function attachmentRoutes(api: ApiRouter, maxBytes: number): void {
  // Browsers and HTTP clients write a part's filename as raw UTF-8; busboy
  // would read it as latin1 (`Résumé` as `RÃ©sumÃ©`). An RFC 5987
  // `filename*` names its own charset and wins over `filename`.
  const parse = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 },
  }).single('file');
  // A malformed multipart body is the client's mistake, whatever busboy calls it.
  const upload: RequestHandler = (req, res, next) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      if ((err as { name?: string }).name === 'MulterError') return next(err);
      return next(badRequest(`The multipart body could not be read: ${(err as Error).message}.`, 'bad-upload'));
    });

  api.route({
    method: 'post',
    path: '/v1/requests/{id}/attachments',
    summary: 'Upload a file to a request (then attach it to an event with attachmentIds)',
    description: 'Stored once by SHA-256. The type is detected from the bytes; executables and unknown binaries are refused (415).',
    tags: ['History'],
    access: { roles: WRITER_ROLES },
    params: IdParams,
    middleware: [upload],
    documentedBody: {
      contentType: 'multipart/form-data',
      schema: z.object({ file: z.string().meta({ format: 'binary' }) }),
    },
    responses: {
      201: { description: 'The stored file', schema: AttachmentView },
      413: { description: 'Too large' },
      415: { description: 'Refused type' },
    },
    handler: async ({ caller, db, params, req, deps }) => {
      const request = await findRequest(db, caller.organizationId, params.id);
      if (!request) throw notFound('request');
      const file = req.file;
      if (!file) throw badRequest('Send the file as multipart/form-data in a field named "file".', 'missing-file');
      const filename = cleanFilename(file.originalname);
      let contentType: string;
      try {
        contentType = await sniffContentType(file.buffer, filename);
      } catch (err) {
        if (err instanceof ContentTypeRefused) throw unsupportedMediaType(`Refused: ${err.message}.`);
        throw err;
      }
      const attachment = await db.transaction(async (trx) => {
        const stored = await deps.files.put(trx, file.buffer);
        return insertAttachment(trx, {
          organizationId: caller.organizationId,
          requestId: request.id,
          sha256: stored.sha256,
          size: stored.size,
          contentType,
          filename,
          source: 'upload',
          createdBy: caller.userId,
        });
      });
      return { status: 201, body: view(attachment) };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/requests/{id}/attachments',
    summary: 'Files of a request: uploads, agency email attachments, raw .eml of mail in and out',
    tags: ['History'],
    access: { roles: READER_ROLES },
    params: IdParams,
    responses: { 200: { description: 'Files', schema: z.object({ items: z.array(AttachmentView) }) } },
    handler: async ({ caller, db, params }) => {
      const request = await findRequest(db, caller.organizationId, params.id);
      if (!request) throw notFound('request');
      return { status: 200, body: { items: (await listAttachments(db, caller.organizationId, request.id)).map(view) } };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/requests/{id}/attachments/{attachmentId}',
    summary: 'Download a file',
    tags: ['History'],
    access: { roles: READER_ROLES },
    params: FileParams,
    query: DownloadQuery,
    responses: {
      200: {
        description: 'The bytes, as stored, checked against their SHA-256 before they are sent (the ETag)',
        contentType: 'application/octet-stream',
        schema: z.string().meta({ format: 'binary' }),
      },
      409: {
        description: 'The stored bytes are missing or no longer match their SHA-256 (problem type file-integrity); they are not served',
      },
    },
    handler: async ({ caller, db, params, query, req, res, deps }) => {
      const attachment = await findAttachment(db, caller.organizationId, params.id, params.attachmentId);
      if (!attachment) throw notFound('attachment');
      const inline = query.disposition === 'inline' && INLINE_TYPES.has(attachment.contentType);
      const log = req.log ?? deps.logger;
      const alert = {
        sha256: attachment.sha256,
        requestId: attachment.requestId,
        attachmentId: attachment.id,
        filename: attachment.filename,
      };
      // Checked before any header is set: bytes that no longer match their
      // hash are refused with a plain problem, not dressed as this download.
      const { check, stream } = await deps.files.openChecked(attachment.sha256);
      if (check.status !== 'ok' || !stream) {
        const actualSha256 = check.status === 'altered' ? check.actualSha256 : null;
        log.error({ ...alert, status: check.status, actualSha256 }, 'stored file failed its integrity check');
        throw fileIntegrityProblem(attachment, actualSha256);
      }
      try {
        res.status(200);
        res.set({
          'Content-Type': attachment.contentType,
          // The checked size: the bytes that will be sent, whatever the row says.
          'Content-Length': String(check.size),
          'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${attachment.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
          ETag: `"${attachment.sha256}"`,
          'Cache-Control': 'private, no-store',
        });
        // Unlike pipe(), pipeline destroys the file stream (closing the file)
        // however the response ends, a client that went away included.
        await pipeline(stream, res);
      } catch (err) {
        stream.destroy();
        // The client went away mid-download: nothing to answer, nothing to log.
        if ((err as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return undefined;
        // Rewritten in place after the check: the last chunk was withheld and
        // the connection is cut, the only signal left once a 200 has started.
        if (err instanceof FileIntegrityError) {
          log.error({ ...alert, status: 'altered', actualSha256: err.actualSha256 }, 'stored file failed its integrity check');
          return undefined;
        }
        throw err;
      }
      return undefined;
    },
  });
}

/**
 * Types a browser may show in the app's preview frame. Anything else an agency
 * sent (HTML, SVG, scripts) is only ever a download: shown inline on this
 * origin, it could run as the reader.
 */
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain']);

const DownloadQuery = z.object({
  disposition: z.enum(['attachment', 'inline']).default('attachment').meta({
    description: '`inline` shows a PDF, an image or plain text in the browser; other types are always downloaded.',
  }),
});

/**
 * 409: the attachment's record (and the hash-chained event that lists it)
 * conflicts with the bytes now stored for it. Not a 500: nothing failed
 * unexpectedly and the client should be told what is wrong; not a 503: no
 * retry helps until an operator restores the file from a backup; not a 422:
 * the request itself is fine.
 */
function fileIntegrityProblem(a: AttachmentRecord, actualSha256: string | null): Problem {
  return new Problem({
    status: 409,
    slug: 'file-integrity',
    title: 'Stored file failed its integrity check',
    detail:
      actualSha256 === null
        ? `The stored bytes of "${a.filename}" are missing; it is not served. The operator has been alerted.`
        : `The stored bytes of "${a.filename}" no longer match the SHA-256 recorded for it; they are not served. The operator has been alerted.`,
    extensions: { attachmentId: a.id, expectedSha256: a.sha256, actualSha256 },
  });
}
