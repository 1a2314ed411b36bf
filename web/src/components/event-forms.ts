import type { Schemas } from '../api/client';
import { offsetOf } from './format';

export type EventCreate = Schemas['EventCreate'];
export type EventType = EventCreate['type'];

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'number' | 'date' | 'checkbox' | 'select' | 'exemptions';
  required?: boolean;
  description?: string;
  options?: Array<{ value: string; label: string }>;
}

/**
 * The fields each event type takes, as the API's schemas define them: a form
 * shows only these, and `eventBody` builds exactly the body that type accepts.
 */
export const EVENT_FORMS: Record<Exclude<EventType, 'correction'>, { label: string; fields: FieldSpec[] }> = {
  acknowledged: {
    label: 'The agency acknowledged the request',
    fields: [
      { name: 'trackingNumber', label: 'Tracking number', kind: 'text' },
      { name: 'receivedOn', label: 'Received on (if the agency says)', kind: 'date' },
    ],
  },
  extension_claimed: {
    label: 'The agency claimed an extension',
    fields: [
      { name: 'days', label: 'Extra days claimed', kind: 'number', description: 'Or give the new due date.' },
      { name: 'newDueDate', label: 'New due date the agency gave', kind: 'date' },
      { name: 'reason', label: 'Reason given', kind: 'textarea' },
    ],
  },
  fee_estimate: {
    label: 'The agency estimated a fee',
    fields: [
      { name: 'amount', label: 'Amount (USD)', kind: 'number', required: true },
      { name: 'paymentDue', label: 'Payment due by', kind: 'date' },
    ],
  },
  fee_paid: { label: 'We paid the fee', fields: [{ name: 'amount', label: 'Amount paid (USD)', kind: 'number' }] },
  clarification_requested: {
    label: 'The agency asked a question',
    fields: [{ name: 'question', label: 'What the agency asked', kind: 'textarea' }],
  },
  clarification_provided: {
    label: 'We answered the agency’s question',
    fields: [{ name: 'answer', label: 'Our answer', kind: 'textarea' }],
  },
  records_released: {
    label: 'The agency released records',
    fields: [
      { name: 'final', label: 'This is the final release', kind: 'checkbox' },
      { name: 'pages', label: 'Pages', kind: 'number' },
      { name: 'files', label: 'Files', kind: 'number' },
      { name: 'exemptions', label: 'Exemptions cited for withheld parts', kind: 'exemptions' },
    ],
  },
  denied: {
    label: 'The agency denied the request',
    fields: [{ name: 'exemptions', label: 'Exemptions cited', kind: 'exemptions', required: true }],
  },
  no_records: {
    label: 'The agency says it has no records',
    fields: [{ name: 'searchDescription', label: 'How the agency says it searched', kind: 'textarea' }],
  },
  appeal_filed: {
    label: 'We filed an appeal',
    fields: [
      { name: 'filedWith', label: 'Filed with', kind: 'text' },
      { name: 'method', label: 'How it was filed', kind: 'text' },
    ],
  },
  appeal_decided: {
    label: 'The appeal was decided',
    fields: [
      {
        name: 'outcome',
        label: 'Outcome',
        kind: 'select',
        required: true,
        options: [
          { value: 'granted', label: 'Granted' },
          { value: 'partly_granted', label: 'Partly granted' },
          { value: 'denied', label: 'Denied' },
        ],
      },
    ],
  },
  withdrawn: { label: 'We withdrew the request', fields: [{ name: 'reason', label: 'Why', kind: 'textarea' }] },
  lawsuit_filed: {
    label: 'We sued',
    fields: [
      { name: 'court', label: 'Court', kind: 'text' },
      { name: 'caseNumber', label: 'Case number', kind: 'text' },
    ],
  },
  expedited_decided: {
    label: 'The agency decided on expedited processing',
    fields: [
      { name: 'granted', label: 'Expedited processing granted', kind: 'checkbox' },
      { name: 'reason', label: 'Reason given', kind: 'textarea' },
    ],
  },
  correspondence: {
    label: 'A letter, email or call',
    fields: [
      {
        name: 'direction',
        label: 'Direction',
        kind: 'select',
        required: true,
        options: [
          { value: 'in', label: 'From the agency' },
          { value: 'out', label: 'From us' },
        ],
      },
      {
        name: 'channel',
        label: 'Channel',
        kind: 'select',
        required: true,
        options: ['email', 'phone', 'letter', 'portal', 'fax', 'in_person', 'other'].map((c) => ({ value: c, label: c.replace('_', ' ') })),
      },
      { name: 'from', label: 'From', kind: 'text' },
      { name: 'to', label: 'To', kind: 'text' },
      { name: 'subject', label: 'Subject', kind: 'text' },
    ],
  },
  note: { label: 'A note for the newsroom', fields: [] },
};

export type FormValues = Record<string, string | boolean>;

/** "Gov't Code § 552.101: privacy" lines into the exemptions the API takes. */
export function parseExemptions(text: string): Array<{ citation: string; reason?: string }> {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(': ');
      return at > 0 ? { citation: line.slice(0, at).trim(), reason: line.slice(at + 2).trim() } : { citation: line };
    });
}

export interface CommonFields {
  date: string;
  time: string;
  summary: string;
  body: string;
  attachmentIds: string[];
}

/** When it happened: a date alone means the start of that day in the agency's zone (the API's rule). */
export function occurredAt(date: string, time: string, timeZone: string): string {
  if (!time) return date;
  return `${date}T${time}:00${offsetOf(timeZone, date, time)}`;
}

/** The body for POST /v1/requests/{id}/events: only fields that were filled, typed as the schema wants. */
export function eventBody(type: Exclude<EventType, 'correction'>, values: FormValues, common: CommonFields, timeZone: string): EventCreate {
  const data: Record<string, unknown> = {};
  for (const f of EVENT_FORMS[type].fields) {
    const v = values[f.name];
    if (f.kind === 'checkbox') {
      data[f.name] = v === true;
      continue;
    }
    if (typeof v !== 'string' || v.trim() === '') continue;
    if (f.kind === 'number') data[f.name] = Number(v);
    else if (f.kind === 'exemptions') data[f.name] = parseExemptions(v);
    else data[f.name] = v.trim();
  }
  if (type === 'denied' && !data['exemptions']) data['exemptions'] = [];
  return {
    type,
    occurredAt: occurredAt(common.date, common.time, timeZone),
    ...(common.summary.trim() ? { summary: common.summary.trim() } : {}),
    ...(common.body.trim() ? { body: common.body } : {}),
    ...(common.attachmentIds.length ? { attachmentIds: common.attachmentIds } : {}),
    data,
  } as EventCreate;
}
