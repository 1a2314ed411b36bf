import { hash } from 'node:crypto';
import { canonicalJson } from '../util/canonical-json';
import type { RequestRecord } from './request-store';

/**
 * The request fields a reader of the history relies on and that cannot change
 * once it is filed (patchFiled refuses them): where it belongs, who it went
 * to, what was asked and by whom, and the letter. What changes legitimately
 * after filing is left out: the assignee and tags (people's choices), and
 * what the events move (status, awaiting, tracking number, delivery, fee flag),
 * which verify re-derives from the events instead.
 */
export const SEALED_FIELDS = [
  'organizationId',
  'agencyId',
  'title',
  'recordsSought',
  'requestType',
  'dateRangeStart',
  'dateRangeEnd',
  'format',
  'feeLimit',
  'feeWaiver',
  'expedited',
  'requester',
  'letterSubject',
  'letterBody',
] as const satisfies ReadonlyArray<keyof RequestRecord>;
export type SealedField = (typeof SEALED_FIELDS)[number];

export const SEAL_VERSION = 1;

/**
 * The seal a `submitted` event carries in its data (`data.filed`), so the hash
 * chain covers the request as filed: the SHA-256 of each sealed field's
 * canonical JSON (so verify can name the field that differs), and `sha256`,
 * the SHA-256 of the canonical JSON of all of them together.
 */
export interface FilingSeal {
  v: typeof SEAL_VERSION;
  sha256: string;
  fields: Record<SealedField, string>;
}

const sha256 = (text: string): string => hash('sha256', text, 'hex');

/** Computed from the request row as read from the database (the same shape verify reads it in). */
export function filingSeal(request: RequestRecord): FilingSeal {
  const values = Object.fromEntries(SEALED_FIELDS.map((f) => [f, request[f] ?? null]));
  const fields = Object.fromEntries(SEALED_FIELDS.map((f) => [f, sha256(canonicalJson(values[f]))])) as Record<SealedField, string>;
  return { v: SEAL_VERSION, sha256: sha256(canonicalJson(values)), fields };
}

/** The seal in an event's data, if it holds one this code can read. */
export function sealIn(data: Record<string, unknown>): FilingSeal | undefined {
  const filed = data.filed as Partial<FilingSeal> | undefined;
  if (!filed || typeof filed !== 'object' || filed.v !== SEAL_VERSION || typeof filed.fields !== 'object' || filed.fields === null) {
    return undefined;
  }
  return filed as FilingSeal;
}

/**
 * The sealed fields whose value in `request` no longer hashes to what the
 * seal holds; `seal` when only the seal's own summary hash disagrees (its
 * event was altered, which the chain reports too).
 */
export function sealDiffers(seal: FilingSeal, request: RequestRecord): Array<SealedField | 'seal'> {
  const now = filingSeal(request);
  if (now.sha256 === seal.sha256) return [];
  const differs = SEALED_FIELDS.filter((f) => seal.fields[f] !== now.fields[f]);
  return differs.length ? differs : ['seal'];
}
