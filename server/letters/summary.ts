import { cleanBlock } from './sanitize';

/** The longest summary of the records sought a subject line carries, ellipsis included. */
export const SUMMARY_MAX = 80;

// A list item's marker at the start of a line: "-", "*", "•", "1.", "2)", "(a)".
const LIST_MARKER = /^(?:[-*•·]|\d{1,3}[.)]|\([a-z0-9]{1,3}\))\s+/iu;
// Where a clause or sentence ends: a comma or semicolon before a word (not
// before a number, so "January 16, 2026" stays whole), a full stop before a
// capital (not "Acme Corp. for"), or a dash.
const CLAUSE_END = /[,;](?= [^\d\s])|[.!?](?= \p{Lu})| [–—] /gu;
// A clause boundary this early would leave too little to say what is asked for.
const SHORTEST_CLAUSE = 0.4;

const unpunctuated = (s: string) => s.replace(/[\s.,;:–—-]+$/u, '');

/**
 * The records sought in a few words, for the letter's subject: the agency
 * reads what is asked for, never the newsroom's internal title. The text
 * becomes one line (list markers dropped) and loses a closing period. A text
 * longer than `max` ends at the last clause that fits ("The all-employee email
 * sent on or about January 16, 2026"), or, when none does, at a word, with an
 * ellipsis.
 */
export function summarizeRecords(recordsSought: string, max = SUMMARY_MAX): string {
  const lines = cleanBlock(recordsSought)
    .split('\n')
    .map((line) => line.trim().replace(LIST_MARKER, ''))
    .filter((line) => line !== '');
  // Lines that end without punctuation (list items) are joined as a list.
  const text = lines
    .map((line, i) => (i === lines.length - 1 || /[.,;:!?]$/u.test(line) ? line : `${line};`))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return unpunctuated(text);
  let clause = -1;
  for (const end of text.slice(0, max + 1).matchAll(CLAUSE_END)) {
    if (end.index >= max * SHORTEST_CLAUSE && end.index <= max) clause = end.index;
  }
  if (clause > 0) return unpunctuated(text.slice(0, clause));
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  // A single very long word is cut where it stands rather than left whole.
  return `${unpunctuated(space > max / 2 ? head.slice(0, space) : head)}…`;
}
