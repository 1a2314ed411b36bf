import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { Db } from '../db/database';
import { canonicalJson } from '../util/canonical-json';
import { Problem, validationProblem } from '../errors/problem';

export interface StoredReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const KEY = /^[\x21-\x7e]{1,255}$/;

export function checkIdempotencyKey(key: string): void {
  if (!KEY.test(key)) {
    throw validationProblem([{ in: 'header', field: 'Idempotency-Key', message: 'Must be 1 to 255 visible ASCII characters.' }]);
  }
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

/**
 * Runs `work` at most once per (user, key): the key is claimed in the same
 * transaction as the work, so a retry after a crash either finds nothing (and
 * runs again) or finds the committed answer and replays it. A concurrent
 * duplicate waits on the key's row and then replays.
 */
export async function runOnce(
  knex: Knex,
  userId: string,
  key: string,
  fingerprint: string,
  work: (db: Db) => Promise<StoredReply>,
): Promise<StoredReply> {
  return knex.transaction(async (trx) => {
    const claimed = await trx.raw(
      'insert into idempotency_keys (user_id, key, fingerprint) values (?, ?, ?) on conflict do nothing returning key',
      [userId, key, fingerprint],
    );
    if ((claimed.rows as unknown[]).length === 0) {
      const row = await trx('idempotency_keys')
        .where({ user_id: userId, key })
        .first<{ fingerprint: string; status_code: number | null; response_body: unknown }>();
      if (!row || row.fingerprint !== fingerprint) {
        throw new Problem({
          status: 422,
          slug: 'idempotency-key-reused',
          title: 'Unprocessable request',
          detail: 'This Idempotency-Key was already used for a different request.',
        });
      }
      return { status: row.status_code ?? 200, body: row.response_body ?? undefined, headers: { 'Idempotent-Replayed': 'true' } };
    }
    const reply = await work(trx);
    await trx('idempotency_keys')
      .where({ user_id: userId, key })
      .update({ status_code: reply.status, response_body: reply.body === undefined ? null : JSON.stringify(reply.body) });
    return reply;
  });
}
