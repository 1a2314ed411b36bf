import { getJurisdiction } from '../deadlines';
import { LetterError } from './errors';
import { knownRequestTypes } from './law';
import { defaultRegistry, selectRequestTemplate } from './registry';
import type { LoadedTemplate } from './registry';
import { cleanLine } from './sanitize';
import type { LetterContext, LetterTemplateId, LetterTemplateInfo, RenderedLetter } from './types';
import { buildView } from './view';

function copyInfo(info: LetterTemplateInfo): LetterTemplateInfo {
  return {
    ...info,
    jurisdictions: info.jurisdictions === 'any' ? 'any' : [...info.jurisdictions],
    requestTypes: info.requestTypes === 'any' ? 'any' : [...info.requestTypes],
    requires: [...info.requires],
  };
}

/** Every template file, sorted by id. The first call loads and validates the directory. */
export function listLetterTemplates(): LetterTemplateInfo[] {
  return [...defaultRegistry().templates.values()].map((t) => copyInfo(t.info));
}

/**
 * The request template that fits a jurisdiction and request type, chosen from
 * the templates' front matter: a template naming the jurisdiction beats one for
 * 'any', then one naming the request type beats 'any'. With the shipped files:
 * US → federal-foia; US-MN standard → minnesota-public-data; US-MN
 * data_subject → minnesota-data-subject; anything else → state-general.
 */
export function requestTemplateFor(jurisdiction: string, requestType: string): LetterTemplateId {
  if (!getJurisdiction(jurisdiction)) {
    throw new LetterError(
      'invalid_context',
      'agency.jurisdiction',
      `unknown jurisdiction "${jurisdiction}"; expected US, US-XX (a state) or US-DC`,
    );
  }
  const known = knownRequestTypes(jurisdiction);
  if (!known.includes(requestType)) {
    throw new LetterError(
      'invalid_context',
      'request.requestType',
      `unknown request type "${requestType}" for ${jurisdiction}; expected one of ${known.join(', ')}`,
    );
  }
  const { best, tied } = selectRequestTemplate(defaultRegistry().templates.values(), jurisdiction, requestType);
  // The registry refuses to load a set where this can happen; kept as a guard.
  if (!best)
    throw new LetterError(
      'template_file',
      'templateId',
      `no single request template for ${jurisdiction} ${requestType} (${tied.join(', ') || 'none'})`,
    );
  // A template added as a file without a code change has an id outside the LetterTemplateId union; it is still a valid id for renderLetter.
  return best.info.id as LetterTemplateId;
}

/** Blank-line runs left by unused sections collapse to one; trailing spaces go. */
function tidy(body: string): string {
  return `${body
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function template(templateId: string): LoadedTemplate {
  if (typeof templateId !== 'string') throw new LetterError('unknown_template', 'templateId', 'templateId is required');
  const found = defaultRegistry().templates.get(templateId);
  if (!found) {
    const ids = [...defaultRegistry().templates.keys()].join(', ');
    throw new LetterError('unknown_template', 'templateId', `unknown letter template "${templateId}"; expected one of ${ids}`);
  }
  return found;
}

/**
 * Renders a letter. Pure: no clock (the date is ctx.today), no database, no
 * I/O after the first call has read the template files. Throws LetterError for
 * an unknown template, or naming the first missing or invalid field.
 */
export function renderLetter(templateId: string, ctx: LetterContext): RenderedLetter {
  const loaded = template(templateId);
  const view = buildView(loaded.info, ctx);
  // The subject is a mail header: one line, whatever the template or the title contains.
  const subject = cleanLine(loaded.subject(view));
  if (subject === '') throw new LetterError('template_file', 'templateId', `template ${templateId} rendered an empty subject`);
  return { templateId: loaded.info.id, subject, body: tidy(loaded.body(view)) };
}
