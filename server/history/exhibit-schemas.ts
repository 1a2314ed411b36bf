import { z } from 'zod';
import { IsoDate, oneLine } from '../http/schemas';

/** The largest first Bates number: eight digits, so a continued production still stamps a short number. */
export const MAX_BATES_START = 99_999_999;

/**
 * Query parameters that shape the PDF exhibit for a filing, shared by the
 * history route (with `format=pdf`) and the bundles. The Bates prefix is the
 * newsroom's setting (`batesPrefix`); the label and numbering belong to one
 * filing, so they are asked for each time.
 */
export const ExhibitQueryFields = {
  exhibit: z
    .string()
    .regex(
      /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,10}[A-Za-z0-9])?$/,
      'Must be 1 to 12 letters or digits, with hyphens or periods only between them (e.g. A, 12 or B-3).',
    )
    .optional()
    .meta({
      description:
        'Exhibit label stamped on every page after the word "Exhibit" (`A` gives "Exhibit A"). In a batch bundle each request’s exhibit takes the next label (A, B, C…; 1, 2, 3…; B-3, B-4…).',
      example: 'A',
    }),
  batesStart: z.coerce.number().int().min(1).max(MAX_BATES_START).optional().meta({
    description:
      'The Bates number of the first page (default 1), to continue the numbering of an earlier production. In a batch bundle the numbering runs on from one exhibit to the next.',
  }),
  custodianName: oneLine(120)
    .optional()
    .meta({ description: 'Printed on the certification page; left as a blank line to fill in by hand when absent.' }),
  custodianRole: oneLine(120)
    .optional()
    .meta({ description: 'The custodian’s title or role, printed on the certification page; a blank line when absent.' }),
  certifiedOn: IsoDate.optional().meta({ description: 'Date of the certification; a blank line when absent.' }),
};

export type ExhibitQuery = { [K in keyof typeof ExhibitQueryFields]?: z.output<(typeof ExhibitQueryFields)[K]> };

export const EXHIBIT_QUERY_KEYS = Object.keys(ExhibitQueryFields) as Array<keyof typeof ExhibitQueryFields>;

/**
 * The label after `label` in a series of exhibits: the trailing number goes
 * up (9 -> 10, B-3 -> B-4), else the trailing letters go up as spreadsheet
 * columns do, keeping their case (A -> B, Z -> AA, az -> ba).
 */
export function nextExhibitLabel(label: string): string {
  const digits = /(\d+)$/.exec(label);
  if (digits) {
    const n = String(Number(digits[1]) + 1).padStart(digits[1]!.length, '0');
    return label.slice(0, label.length - digits[1]!.length) + n;
  }
  const letters = /([A-Za-z]+)$/.exec(label);
  if (!letters) return `${label}-2`;
  const chars = [...letters[1]!];
  let i = chars.length - 1;
  for (; i >= 0; i -= 1) {
    const c = chars[i]!;
    if (c === 'z' || c === 'Z') {
      chars[i] = c === 'z' ? 'a' : 'A';
      continue;
    }
    chars[i] = String.fromCharCode(c.charCodeAt(0) + 1);
    break;
  }
  if (i < 0) chars.unshift(letters[1]![0] === letters[1]![0]!.toLowerCase() ? 'a' : 'A');
  return label.slice(0, label.length - letters[1]!.length) + chars.join('');
}
