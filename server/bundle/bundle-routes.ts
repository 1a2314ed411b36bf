import { z } from 'zod';
import { READER_ROLES } from '../auth/caller';
import { checkpointKey } from '../checkpoints/checkpoint-key';
import { notFound } from '../errors/problem';
import type { ApiRouter } from '../http/api-router';
import { IdParams } from '../http/schemas';
import { findRequest, listRequests } from '../requests/request-store';
import type { AppDeps } from '../deps';
import type { Db } from '../db/database';
import type { Response } from 'express';
import { exhibitOptions } from '../history/exhibit';
import { type ExhibitQuery, ExhibitQueryFields } from '../history/exhibit-schemas';
import { loadSettings } from '../organizations/organization-settings';
import { writeBundle } from './bundle-service';
import { createZip } from './zip';

const ZIP = { description: 'A ZIP archive, streamed', schema: z.string().meta({ format: 'binary' }), contentType: 'application/zip' };

const BUNDLE_DESCRIPTION =
  'A ZIP for counsel: `README.txt` (how to check the hashes with sha256sum, shasum, certutil or Get-FileHash, and the checkpoint with openssl), ' +
  '`history.json`, `exhibit.pdf`, every email in and out as its raw `.eml` (`email/in/`, `email/out/`), every attachment as stored (`attachments/`), ' +
  'and `manifest.json` last: the SHA-256 and size of every other file, the chain head hash, and the latest signed checkpoint with the public key. ' +
  'When TSA_URL names an RFC 3161 time-stamping authority, the checkpoint is time-stamped first and the token is `checkpoint.tsr` (`timestampFile` in the manifest’s checkpoint). ' +
  'The request’s head is signed first when it moved. Streamed: stored files are read one at a time and checked against their hash; ' +
  'one that is missing or altered is left out and listed under `problems`. ' +
  'The exhibit takes the same parameters as the PDF history (`exhibit`, `batesStart`, `custodianName`, `custodianRole`, `certifiedOn`); `manifest.json` gives each exhibit’s label and first and last Bates number.';

const BundleQuery = z.object(ExhibitQueryFields).strict();

async function sendBundle(
  res: Response,
  db: Db,
  deps: AppDeps,
  organizationId: string,
  requestIds: string[],
  name: string,
  query: ExhibitQuery,
) {
  // Read before the status line goes out: after it, a failure can only cut the stream.
  const { batesPrefix } = await loadSettings(db, organizationId);
  const zip = await createZip();
  res.status(200).set({
    'Content-Type': 'application/zip',
    'Content-Disposition': `attachment; filename="${name}.zip"`,
    'Cache-Control': 'private, no-store',
  });
  zip.pipe(res);
  res.on('close', () => {
    if (!res.writableFinished) zip.abort();
  });
  try {
    await writeBundle(
      zip,
      db,
      { files: deps.files, key: checkpointKey(deps.config), now: deps.clock(), timestamps: deps },
      organizationId,
      requestIds,
      exhibitOptions(query, batesPrefix),
    );
  } catch (err) {
    // The status line is gone; a cut connection is the only honest answer left.
    deps.logger.error({ err, organizationId }, 'bundle failed while streaming');
    zip.abort();
    res.destroy();
  }
}

export function bundleRoutes(api: ApiRouter): void {
  api.route({
    method: 'get',
    path: '/v1/requests/{id}/bundle',
    summary: 'The litigation bundle of a request: exhibit, original emails, attachments, history and a manifest of hashes',
    description: BUNDLE_DESCRIPTION,
    tags: ['History'],
    access: { roles: READER_ROLES },
    params: IdParams,
    query: BundleQuery,
    responses: { 200: ZIP },
    handler: async ({ caller, db, params, query, res, deps }) => {
      const request = await findRequest(db, caller.organizationId, params.id);
      if (!request) throw notFound('request');
      await sendBundle(res, db, deps, caller.organizationId, [request.id], `request-${request.id}-bundle`, query);
      return undefined;
    },
  });

  api.route({
    method: 'get',
    path: '/v1/request-groups/{id}/bundle',
    summary: 'The litigation bundle of a batch: every request sent together (POST /v1/requests/batch), one folder each',
    description: `${BUNDLE_DESCRIPTION} Each request’s files are under \`request-{id}/\`; \`manifest.json\` has one entry per request.`,
    tags: ['History'],
    access: { roles: READER_ROLES },
    params: IdParams,
    query: BundleQuery,
    responses: { 200: ZIP },
    handler: async ({ caller, db, params, query, res, deps }) => {
      // A batch is one letter to a handful of agencies; 500 is far beyond any real one.
      const members = await listRequests(db, caller.organizationId, { groupId: params.id, limit: 500 });
      if (members.length === 0) throw notFound('request group');
      const ids = members.map((r) => r.id).reverse();
      await sendBundle(res, db, deps, caller.organizationId, ids, `request-group-${params.id}-bundle`, query);
      return undefined;
    },
  });
}
