import type { Schemas } from '../api/client';

type Body = Schemas['DeadlineCalculation'];
type EventType = NonNullable<Body['events']>[number]['type'];
export type SubmissionMethod = NonNullable<Body['submissionMethod']>;

/** An agency move (or the requester's) as the form holds it: strings straight from the inputs. */
export interface Move {
  key: number;
  type: MoveType;
  date: string;
  days?: string;
  newDueDate?: string;
  amount?: string;
  final?: boolean;
  outcome?: 'granted' | 'partly_granted' | 'denied';
  granted?: boolean;
}

export const MOVE_TYPES = [
  'acknowledged',
  'extension_claimed',
  'fee_estimate',
  'fee_paid',
  'clarification_requested',
  'clarification_provided',
  'records_released',
  'denied',
  'no_records',
  'expedited_decided',
  'appeal_filed',
  'appeal_decided',
  'withdrawn',
] as const satisfies readonly EventType[];
export type MoveType = (typeof MOVE_TYPES)[number];

export const MOVE_LABELS: Record<MoveType, string> = {
  acknowledged: 'Agency acknowledged the request',
  extension_claimed: 'Agency claimed an extension',
  fee_estimate: 'Agency estimated a fee',
  fee_paid: 'We paid the fee',
  clarification_requested: 'Agency asked a question',
  clarification_provided: 'We answered the question',
  records_released: 'Agency released records',
  denied: 'Agency denied the request',
  no_records: 'Agency found no records',
  expedited_decided: 'Agency decided on expedited processing',
  appeal_filed: 'We appealed',
  appeal_decided: 'Appeal decided',
  withdrawn: 'We withdrew the request',
};

export interface CalculatorForm {
  agencyId: string | null;
  jurisdiction: string | null;
  receivedDate: string;
  requestType: string | null;
  submissionMethod: SubmissionMethod | null;
  moves: Move[];
}

function num(s: string | undefined): number | undefined {
  if (s === undefined || s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

function moveData(m: Move): Record<string, unknown> | undefined {
  switch (m.type) {
    case 'extension_claimed': {
      const days = num(m.days);
      return { ...(days !== undefined ? { days } : {}), ...(m.newDueDate ? { newDueDate: m.newDueDate } : {}) };
    }
    case 'fee_estimate':
      return { amount: num(m.amount) ?? 0, currency: 'USD' };
    case 'records_released':
      return { final: m.final ?? true };
    case 'denied':
      return { exemptions: [] };
    case 'appeal_decided':
      return { outcome: m.outcome ?? 'denied' };
    case 'expedited_decided':
      return { granted: m.granted ?? false };
    default:
      return undefined;
  }
}

/**
 * The calculator's request body from the form. Dates stay YYYY-MM-DD: the server reads
 * them in the agency's zone, so nothing here converts through the browser's zone.
 */
export function calculationBody(form: CalculatorForm): Body {
  const events = [...form.moves]
    .filter((m) => m.date)
    .sort((a, b) => a.date.localeCompare(b.date) || a.key - b.key)
    .map((m) => {
      const data = moveData(m);
      return { type: m.type, occurredAt: m.date, ...(data ? { data } : {}) };
    });
  return {
    ...(form.agencyId ? { agencyId: form.agencyId } : {}),
    ...(form.jurisdiction ? { jurisdiction: form.jurisdiction } : {}),
    receivedAt: form.receivedDate,
    ...(form.requestType ? { requestType: form.requestType } : {}),
    ...(form.submissionMethod ? { submissionMethod: form.submissionMethod } : {}),
    ...(events.length ? { events } : {}),
  };
}
