import { z } from 'zod';
import { READER_ROLES } from '../auth/caller';
import type { ApiRouter } from '../http/api-router';
import { decodeCursor, pageOf } from '../http/cursor';
import { Cursor, Limit, Uuid } from '../http/schemas';
import type { Response } from 'express';
import { checkpointKey, type KeySource } from './checkpoint-key';
import { listCheckpoints } from './checkpoint-store';
import { checkpointView } from './checkpoint-view';

/** Where the public key is also served, outside /v1, for verifiers that look for a well-known URL. */
export const CHECKPOINT_KEY_WELL_KNOWN = '/.well-known/records-tracker-checkpoint-key';
export const CHECKPOINT_KEY_PATH = '/v1/checkpoints/key';

/** Answers the public key as PEM: the route below and the well-known URL share this. */
export function sendCheckpointKey(res: Response, config: KeySource): void {
  const key = checkpointKey(config);
  res
    .status(200)
    .set({ 'Content-Type': 'application/x-pem-file', 'X-Key-Id': key.keyId, 'Cache-Control': 'public, max-age=300' })
    .send(key.publicKeyPem);
}

const CheckpointTimestampView = z
  .object({
    token: z.string().meta({
      description:
        'The DER TimeStampToken, base64: decode it to `token.tsr`, write `message` to `message.txt` (no trailing newline), then `openssl ts -verify -data message.txt -in token.tsr -token_in -CAfile tsa-ca.pem`.',
    }),
    genTime: z.string().meta({ description: 'The authority’s time in the token (TSTInfo.genTime).' }),
    serialNumber: z.string().meta({ description: 'The token’s serial number (TSTInfo.serialNumber), hex.' }),
  })
  .meta({ id: 'CheckpointTimestamp' });

export const CheckpointView = z
  .object({
    id: z.uuid(),
    requestId: z.uuid(),
    events: z.number().int().meta({ description: 'Events in the chain when signed: the head is the event with this seq.' }),
    headHash: z.string().meta({ description: 'Hash of that event.' }),
    signedAt: z.string(),
    keyId: z.string().meta({ description: 'SHA-256 (hex) of the public key’s DER SubjectPublicKeyInfo.' }),
    reason: z.enum(['schedule', 'export', 'bundle']),
    message: z.string().meta({
      description: 'The exact UTF-8 bytes signed: canonical JSON of type, v, keyId, organizationId, requestId, events, headHash, signedAt.',
    }),
    signature: z.string().meta({ description: 'Ed25519 signature of `message`, base64.' }),
    timestamp: CheckpointTimestampView.nullable().meta({
      description:
        'The RFC 3161 time-stamp over `message`, when TSA_URL names an authority and it granted one (each request’s latest checkpoint is asked for at every checkpoint round until it is); null otherwise.',
    }),
  })
  .meta({ id: 'Checkpoint' });

const CheckpointQuery = z.object({ requestId: Uuid.optional(), limit: Limit, cursor: Cursor }).strict();

export function checkpointRoutes(api: ApiRouter): void {
  api.route({
    method: 'get',
    path: '/v1/checkpoints',
    summary: 'Signed checkpoints of the newsroom’s request chains, newest first',
    description:
      'A checkpoint is signed (Ed25519, key kept outside the database) for every request whose chain head moved, on a schedule and after each history export or bundle. ' +
      `Check one with the public key at ${CHECKPOINT_KEY_PATH} (also ${CHECKPOINT_KEY_WELL_KNOWN}): write \`message\` to a file without a trailing newline, base64-decode \`signature\`, then ` +
      '`openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in message.txt -sigfile sig.bin`.',
    tags: ['History'],
    access: { roles: READER_ROLES },
    query: CheckpointQuery,
    responses: {
      200: {
        description: 'A page of checkpoints',
        schema: z.object({ items: z.array(CheckpointView), nextCursor: z.string().nullable(), keyId: z.string() }),
      },
    },
    handler: async ({ caller, db, query, deps }) => {
      const before = decodeCursor(query.cursor, 2) as [string, string] | undefined;
      const rows = await listCheckpoints(db, caller.organizationId, { requestId: query.requestId, before, limit: query.limit });
      const { items, nextCursor } = pageOf(rows, query.limit, (c) => [c.signedAt.toISOString(), c.id]);
      return { status: 200, body: { items: items.map(checkpointView), nextCursor, keyId: checkpointKey(deps.config).keyId } };
    },
  });

  api.route({
    method: 'get',
    path: CHECKPOINT_KEY_PATH,
    summary: 'The public key that signs checkpoints (Ed25519, SubjectPublicKeyInfo PEM)',
    description: `Also served at ${CHECKPOINT_KEY_WELL_KNOWN}. \`X-Key-Id\` is the key id the checkpoints name.`,
    tags: ['History'],
    access: 'public',
    responses: { 200: { description: 'The PEM public key', schema: z.string(), contentType: 'application/x-pem-file' } },
    handler: async ({ res, deps }) => {
      const key = checkpointKey(deps.config);
      res
        .status(200)
        .set({ 'Content-Type': 'application/x-pem-file', 'X-Key-Id': key.keyId, 'Cache-Control': 'public, max-age=300' })
        .send(key.publicKeyPem);
      return undefined;
    },
  });
}
