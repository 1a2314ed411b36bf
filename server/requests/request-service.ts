import { randomBytes, randomUUID } from 'node:crypto';
import { findAgency, type AgencyRecord } from '../agencies/agency-store';
import type { UserCaller } from '../auth/caller';
import { ruleFor } from '../deadlines';
import type { Db } from '../db/database';
import { conflict, notFound, validationProblem } from '../errors/problem';
import { findOrganization } from '../organizations/organization-store';
import { findUser } from '../users/user-store';
import { draftRequestLetter } from './letter-draft';
import { refreshDeadlines } from '../request-deadlines/refresh-deadlines';
import type { RequestBatchInput, RequestCreateInput, RequestPatchInput } from './request-schemas';
import { findRequest, insertRequest, updateRequest, type RequestRecord, type RequestValues, type Requester } from './request-store';
import { definedOnly } from '../util/defined-only';
import { dateIn } from '../util/zoned-date';

type DraftInput = Omit<RequestCreateInput, 'agencyId'>;

async function agencyOrProblem(db: Db, organizationId: string, agencyId: string, field: string): Promise<AgencyRecord> {
  const agency = await findAgency(db, organizationId, agencyId);
  if (!agency) throw validationProblem([{ in: 'body', field, message: 'No such agency in this newsroom.' }]);
  return agency;
}

async function assertAssignable(db: Db, organizationId: string, userId: string): Promise<void> {
  const user = await findUser(db, organizationId, userId);
  if (!user?.active) throw validationProblem([{ in: 'body', field: 'assigneeId', message: 'No such active user in this newsroom.' }]);
}

function assertRequestType(agency: AgencyRecord, requestType: string, now: Date): void {
  if (requestType === 'standard') return;
  const rule = ruleFor(agency.jurisdiction, dateIn(now, agency.timezone));
  if (!(requestType in rule.requestTypes)) {
    const known = ['standard', ...Object.keys(rule.requestTypes)].join(', ');
    // Expedited processing is asked on the request itself, so one batch can ask every agency, whatever its law.
    const hint =
      requestType === 'expedited'
        ? ' To ask for expedited processing, set expedited.requested to true (with expedited.justification) instead: each agency whose law provides it gets its expedited deadlines.'
        : '';
    throw validationProblem([
      {
        in: 'body',
        field: 'requestType',
        message: `${agency.jurisdiction} has no "${requestType}" requests; expected one of ${known}.${hint}`,
      },
    ]);
  }
}

async function defaultRequester(db: Db, caller: UserCaller): Promise<Requester> {
  const org = await findOrganization(db, caller.organizationId);
  return { name: caller.name, email: caller.email, outlet: org?.name ?? null };
}

/** A new secret for the per-request reply address; lowercase, as mail systems may fold case. */
const newReplyToken = () => randomBytes(12).toString('hex');

/** What a draft reads besides its agency: whether its assignee may be assigned, and the default requester. */
interface DraftLookups {
  assertAssignable: (userId: string) => Promise<void>;
  requester: () => Promise<Requester>;
}

const lookupsOf = (db: Db, caller: UserCaller): DraftLookups => ({
  assertAssignable: (userId) => assertAssignable(db, caller.organizationId, userId),
  requester: () => defaultRequester(db, caller),
});

async function buildDraft(
  lookups: DraftLookups,
  caller: UserCaller,
  agency: AgencyRecord,
  input: DraftInput,
  groupId: string | null,
  now: Date,
): Promise<RequestValues> {
  const requestType = input.requestType ?? 'standard';
  assertRequestType(agency, requestType, now);
  const assigneeId = input.assigneeId === undefined ? caller.userId : input.assigneeId;
  if (assigneeId) await lookups.assertAssignable(assigneeId);
  const fields = {
    title: input.title,
    recordsSought: input.recordsSought,
    dateRangeStart: input.dateRangeStart ?? null,
    dateRangeEnd: input.dateRangeEnd ?? null,
    format: input.format ?? null,
    feeLimit: input.feeLimit ?? null,
    feeWaiver: input.feeWaiver ?? null,
    expedited: input.expedited ?? null,
    requestType,
    requester: input.requester ?? (await lookups.requester()),
    trackingNumber: null,
    submittedAt: null,
  };
  const letter = draftRequestLetter(fields, agency, now);
  const chosenSubject = input.letter?.subject;
  return {
    ...fields,
    organizationId: caller.organizationId,
    agencyId: agency.id,
    groupId,
    assigneeId,
    tags: input.tags ?? [],
    status: 'draft',
    letterTemplate: letter.templateId,
    letterSubject: chosenSubject ?? letter.subject,
    letterBody: letter.body,
    letterEdited: false,
    letterSubjectEdited: chosenSubject !== undefined,
    submissionMethod: null,
    replyToken: newReplyToken(),
    deliveryStatus: null,
    deliveryError: null,
    letterUndelivered: false,
    feeOverLimit: null,
    feeOverLimitNotifiedEventId: null,
    createdBy: caller.userId,
  };
}

export async function createRequest(db: Db, caller: UserCaller, input: RequestCreateInput, now: Date): Promise<RequestRecord> {
  const agency = await agencyOrProblem(db, caller.organizationId, input.agencyId, 'agencyId');
  return insertRequest(db, await buildDraft(lookupsOf(db, caller), caller, agency, input, null, now), now);
}

/**
 * The values createRequest would insert, for a writer that stores many drafts
 * at once (a bulk import): the same checks and letter, each assignee and the
 * newsroom read once for the whole batch. Throws the problem createRequest
 * would, per draft; writes nothing.
 */
export function draftValuesBuilder(
  db: Db,
  caller: UserCaller,
  now: Date,
): (agency: AgencyRecord, input: DraftInput) => Promise<RequestValues> {
  // A refused assignee stays refused: its rejection is kept and thrown again for each draft.
  const assignable = new Map<string, Promise<void>>();
  let requester: Promise<Requester> | undefined;
  const lookups: DraftLookups = {
    assertAssignable: (userId) => {
      let check = assignable.get(userId);
      if (!check) {
        check = assertAssignable(db, caller.organizationId, userId);
        assignable.set(userId, check);
      }
      return check;
    },
    requester: () => (requester ??= defaultRequester(db, caller)),
  };
  return (agency, input) => buildDraft(lookups, caller, agency, input, null, now);
}

/** One linked draft per agency, each under its own law, all or none. */
export async function createRequestBatch(
  db: Db,
  caller: UserCaller,
  input: RequestBatchInput,
  now: Date,
): Promise<{ groupId: string; items: RequestRecord[] }> {
  const { agencyIds, ...draft } = input;
  const groupId = randomUUID();
  return db.transaction(async (trx) => {
    const agencies: AgencyRecord[] = [];
    for (const [i, id] of agencyIds.entries()) agencies.push(await agencyOrProblem(trx, caller.organizationId, id, `agencyIds.${i}`));
    const items: RequestRecord[] = [];
    const lookups = lookupsOf(trx, caller);
    for (const agency of agencies)
      items.push(await insertRequest(trx, await buildDraft(lookups, caller, agency, draft, groupId, now), now));
    return { groupId, items };
  });
}

/** Changes a draft; the letter follows the fields unless it was edited by hand. */
export async function patchDraft(db: Db, caller: UserCaller, id: string, patch: RequestPatchInput, now: Date): Promise<RequestRecord> {
  return db.transaction(async (trx) => {
    const current = await findRequest(trx, caller.organizationId, id, { forUpdate: true });
    if (!current) throw notFound('request');
    if (current.status !== 'draft') return patchFiled(trx, caller, current, patch, now);
    const agency = patch.agencyId
      ? await agencyOrProblem(trx, caller.organizationId, patch.agencyId, 'agencyId')
      : await findAgency(trx, caller.organizationId, current.agencyId);
    if (!agency) throw notFound('agency');
    if (patch.assigneeId) await assertAssignable(trx, caller.organizationId, patch.assigneeId);

    const { letter: letterEdit, ...fields } = patch;
    const next: RequestRecord = { ...current, ...definedOnly(fields), agencyId: agency.id } as RequestRecord;
    if (next.dateRangeStart && next.dateRangeEnd && next.dateRangeStart > next.dateRangeEnd) {
      throw validationProblem([{ in: 'body', field: 'dateRangeEnd', message: 'dateRangeEnd is before dateRangeStart.' }]);
    }
    assertRequestType(agency, next.requestType, now);

    // The subject and the body are edited each on its own: what was edited by
    // hand stays as written, the rest is written again from the fields.
    const subjectEdited = letterEdit === null ? false : letterEdit?.subject !== undefined || current.letterSubjectEdited;
    const bodyEdited = letterEdit === null ? false : letterEdit?.body !== undefined || current.letterEdited;
    const drafted = subjectEdited && bodyEdited ? undefined : draftRequestLetter(next, agency, now);
    const letter: Pick<RequestValues, 'letterTemplate' | 'letterSubject' | 'letterBody' | 'letterEdited' | 'letterSubjectEdited'> = {
      letterTemplate: drafted && !bodyEdited ? drafted.templateId : current.letterTemplate,
      letterSubject: drafted && !subjectEdited ? drafted.subject : (letterEdit?.subject ?? current.letterSubject),
      letterBody: drafted && !bodyEdited ? drafted.body : (letterEdit?.body ?? current.letterBody),
      letterEdited: bodyEdited,
      letterSubjectEdited: subjectEdited,
    };
    return updateRequest(trx, caller.organizationId, id, { ...definedOnly(fields), agencyId: agency.id, ...letter }, now);
  });
}

/**
 * After submission only who works the request and its tags may change; the
 * letter and what was asked are part of the record. A new assignee takes over
 * the deadlines' reminders.
 */
async function patchFiled(db: Db, caller: UserCaller, current: RequestRecord, patch: RequestPatchInput, now: Date): Promise<RequestRecord> {
  const locked = Object.entries(patch)
    .filter(([k, v]) => v !== undefined && k !== 'assigneeId' && k !== 'tags')
    .map(([k]) => k);
  if (locked.length) {
    throw conflict(
      `This request is ${current.status}: only assigneeId and tags can change (not ${locked.join(', ')}). Log an event instead.`,
      'not-draft',
    );
  }
  if (patch.assigneeId) await assertAssignable(db, caller.organizationId, patch.assigneeId);
  const updated = await updateRequest(
    db,
    caller.organizationId,
    current.id,
    definedOnly({ assigneeId: patch.assigneeId, tags: patch.tags }),
    now,
  );
  if (patch.assigneeId !== undefined && patch.assigneeId !== current.assigneeId) {
    const agency = await findAgency(db, caller.organizationId, current.agencyId);
    if (agency) await refreshDeadlines(db, updated, agency, now);
  }
  return updated;
}
