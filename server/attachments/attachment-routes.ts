import { pipeline } from 'node:stream/promises';
import type { RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { READER_ROLES, WRITER_ROLES } from '../auth/caller';
import type { ApiRouter } from '../http/api-router';
import { badRequest, notFound, unsupportedMediaType } from '../errors/problem';
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
  const parse = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } }).single('file');
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
    responses: {
      200: { description: 'The bytes, as stored', contentType: 'application/octet-stream', schema: z.string().meta({ format: 'binary' }) },
    },
    handler: async ({ caller, db, params, res, deps }) => {
      const attachment = await findAttachment(db, caller.organizationId, params.id, params.attachmentId);
      if (!attachment) throw notFound('attachment');
      // Opened before any header is set: a missing file gives a plain problem
      // response, not one dressed as this file's download.
      const stream = await deps.files.openStream(attachment.sha256);
      try {
        res.status(200);
        res.set({
          'Content-Type': attachment.contentType,
          'Content-Length': String(attachment.size),
          'Content-Disposition': `attachment; filename="${attachment.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
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
        throw err;
      }
      return undefined;
    },
  });
}
