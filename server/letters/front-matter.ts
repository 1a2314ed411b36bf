import { z } from 'zod';

import { REQUIRABLE_CONTEXT } from './types';

/**
 * A template file is a front-matter block and a Handlebars body:
 *
 *   ---
 *   id: federal-foia
 *   name: Federal FOIA request
 *   purpose: request
 *   description: One line.
 *   jurisdictions: US
 *   requestTypes: any
 *   requires: followUp, request.submittedOn
 *   subject: Freedom of Information Act request under 5 U.S.C. § 552: {{request.summary}}
 *   ---
 *   body…
 *
 * One `key: value` per line (the value is the rest of the line); lists are
 * comma-separated; `#` starts a comment line. Deliberately not YAML: every
 * value is a plain string, so nothing is typed by accident ("no", "1.0").
 */

const text = z.string().trim().min(1);
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id');
const jurisdictionCode = z.string().regex(/^US(-[A-Z]{2})?$/, 'expected US or US-XX');
const requestType = z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a snake_case request type');

function listOrAny<T extends z.ZodType<string>>(item: T) {
  return z.string().transform((value, ctx) => {
    const trimmed = value.trim();
    if (trimmed === 'any') return 'any' as const;
    const items = trimmed.split(',').map((s) => s.trim());
    const out: z.output<T>[] = [];
    for (const entry of items) {
      const parsed = item.safeParse(entry);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `"${entry}": ${parsed.error.issues[0]?.message ?? 'invalid'}` });
        return z.NEVER;
      }
      out.push(parsed.data);
    }
    if (new Set(out).size !== out.length) {
      ctx.addIssue({ code: 'custom', message: 'duplicate entry' });
      return z.NEVER;
    }
    return out;
  });
}

const requiresList = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value.trim() === '') return [];
    const items = value.split(',').map((s) => s.trim());
    const known = new Set<string>(REQUIRABLE_CONTEXT);
    for (const entry of items) {
      if (!known.has(entry)) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not one of ${REQUIRABLE_CONTEXT.join(', ')}` });
        return z.NEVER;
      }
    }
    return items as (typeof REQUIRABLE_CONTEXT)[number][];
  });

export const frontMatterSchema = z
  .object({
    id: slug,
    name: text,
    purpose: z.enum(['request', 'follow_up', 'appeal']),
    description: text,
    jurisdictions: listOrAny(jurisdictionCode),
    requestTypes: listOrAny(requestType),
    requires: requiresList,
    subject: text,
  })
  .strict();

export type FrontMatter = z.output<typeof frontMatterSchema>;

export interface SplitTemplate {
  fields: Record<string, string>;
  body: string;
}

/** Splits the file into raw front-matter fields and the body; throws Error with a line number on a malformed block. */
export function splitFrontMatter(source: string): SplitTemplate {
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  if (lines[0] !== '---') throw new Error('line 1: the file must start with a "---" front-matter line');
  const fields: Record<string, string> = {};
  let end = -1;
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line === '---') {
      end = i;
      break;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const match = /^([A-Za-z][A-Za-z0-9]*):(.*)$/.exec(line);
    if (!match) throw new Error(`line ${i + 1}: expected "key: value"`);
    const key = match[1] as string;
    if (Object.hasOwn(fields, key)) throw new Error(`line ${i + 1}: "${key}" appears twice`);
    fields[key] = (match[2] as string).trim();
  }
  if (end < 0) throw new Error('the front-matter block has no closing "---" line');
  return { fields, body: lines.slice(end + 1).join('\n') };
}
