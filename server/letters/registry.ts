import fs from 'node:fs';
import path from 'node:path';

import Handlebars from 'handlebars';
import { z } from 'zod';

import { getJurisdiction, listJurisdictions } from '../deadlines';
import { LetterError } from './errors';
import { frontMatterSchema, splitFrontMatter } from './front-matter';
import { knownRequestTypes } from './law';
import type { LetterTemplateInfo } from './types';

export interface LoadedTemplate {
  info: LetterTemplateInfo;
  file: string;
  subject: HandlebarsTemplateDelegate;
  body: HandlebarsTemplateDelegate;
}

export interface TemplateRegistry {
  dir: string;
  templates: ReadonlyMap<string, LoadedTemplate>;
}

/**
 * Plain-text letters: no HTML escaping (`noEscape`); `strict` makes a
 * misspelt `{{field}}` throw instead of printing nothing; only the built-in
 * helpers (if, unless, each, with) exist, so a template cannot call code.
 */
const COMPILE_OPTIONS: CompileOptions = { noEscape: true, strict: true, knownHelpersOnly: true };

const handlebars = Handlebars.create();

function fail(file: string, message: string): never {
  throw new LetterError('template_file', 'templateId', `letter template ${file}: ${message}`);
}

function compile(file: string, part: string, source: string): HandlebarsTemplateDelegate {
  try {
    // precompile parses and checks helpers now; compile() alone defers that to the first render.
    handlebars.precompile(source, COMPILE_OPTIONS);
  } catch (error) {
    fail(file, `${part} does not compile: ${error instanceof Error ? error.message : String(error)}`);
  }
  return handlebars.compile(source, COMPILE_OPTIONS);
}

function checkCoverage(file: string, info: LetterTemplateInfo): void {
  if (info.jurisdictions !== 'any') {
    for (const code of info.jurisdictions) if (!getJurisdiction(code)) fail(file, `jurisdictions: no rule file for ${code}`);
  }
  if (info.requestTypes !== 'any') {
    const codes = info.jurisdictions === 'any' ? listJurisdictions().map((j) => j.code) : info.jurisdictions;
    const known = new Set(codes.flatMap((code) => knownRequestTypes(code)));
    for (const type of info.requestTypes)
      if (!known.has(type))
        fail(
          file,
          `requestTypes: "${type}" is not a request type of ${info.jurisdictions === 'any' ? 'any jurisdiction' : codes.join(', ')}`,
        );
  }
}

function loadFile(dir: string, name: string): LoadedTemplate {
  const file = path.join(dir, name);
  const source = fs.readFileSync(file, 'utf8');
  let split: ReturnType<typeof splitFrontMatter>;
  try {
    split = splitFrontMatter(source);
  } catch (error) {
    fail(name, error instanceof Error ? error.message : String(error));
  }
  const parsed = frontMatterSchema.safeParse(split.fields);
  if (!parsed.success) fail(name, `invalid front matter:\n${z.prettifyError(parsed.error)}`);
  const meta = parsed.data;
  if (`${meta.id}.hbs` !== name) fail(name, `id "${meta.id}" must match the file name`);
  if (split.body.trim() === '') fail(name, 'the letter body is empty');
  const info: LetterTemplateInfo = {
    id: meta.id,
    name: meta.name,
    purpose: meta.purpose,
    description: meta.description,
    jurisdictions: meta.jurisdictions,
    requestTypes: meta.requestTypes,
    requires: meta.requires,
  };
  checkCoverage(name, info);
  return { info, file, subject: compile(name, 'subject', meta.subject), body: compile(name, 'body', split.body) };
}

/** Rank of a request template for a jurisdiction and request type: exact jurisdiction beats 'any', then exact request type; -1 = does not apply. */
export function matchRank(info: LetterTemplateInfo, jurisdiction: string, requestType: string): number {
  const j = info.jurisdictions === 'any' ? 0 : info.jurisdictions.includes(jurisdiction) ? 2 : -1;
  const t = info.requestTypes === 'any' ? 0 : info.requestTypes.includes(requestType) ? 1 : -1;
  return j < 0 || t < 0 ? -1 : j + t;
}

/** The best request template, or a list of the tied ones (empty = none applies). */
export function selectRequestTemplate(
  templates: Iterable<LoadedTemplate>,
  jurisdiction: string,
  requestType: string,
): { best?: LoadedTemplate; tied: string[] } {
  let bestRank = -1;
  let best: LoadedTemplate[] = [];
  for (const template of templates) {
    if (template.info.purpose !== 'request') continue;
    const rank = matchRank(template.info, jurisdiction, requestType);
    if (rank < 0) continue;
    if (rank > bestRank) {
      bestRank = rank;
      best = [template];
    } else if (rank === bestRank) best.push(template);
  }
  return best.length === 1 ? { best: best[0] as LoadedTemplate, tied: [] } : { tied: best.map((t) => t.info.id).sort() };
}

/**
 * Reads and validates every `*.hbs` file of `dir`. Besides each file's own
 * front matter it checks the set: every jurisdiction and request type of the
 * rule data has exactly one best request template, so requestTemplateFor can
 * never fail for known input.
 */
export function loadLetterTemplates(dir: string): TemplateRegistry {
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.hbs'))
      .sort();
  } catch (error) {
    throw new LetterError(
      'template_file',
      'templateId',
      `cannot read the letter template directory ${dir}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const templates = new Map<string, LoadedTemplate>();
  for (const name of names) {
    const loaded = loadFile(dir, name);
    templates.set(loaded.info.id, loaded);
  }
  for (const { code } of listJurisdictions()) {
    for (const type of knownRequestTypes(code)) {
      const { best, tied } = selectRequestTemplate(templates.values(), code, type);
      if (!best) {
        throw new LetterError(
          'template_file',
          'templateId',
          tied.length === 0
            ? `no request template in ${dir} serves ${code} request type ${type}`
            : `request templates ${tied.join(', ')} tie for ${code} request type ${type}`,
        );
      }
    }
  }
  return { dir, templates };
}

/**
 * `templates/letters` at the repository root. From the source tree
 * (server/letters) it is two levels up; from the build (dist/server/letters,
 * with the image's templates/ copied beside dist/) it is three.
 */
export function defaultTemplateDir(): string {
  const candidates = [path.resolve(__dirname, '../../templates/letters'), path.resolve(__dirname, '../../../templates/letters')];
  return candidates.find((dir) => fs.existsSync(dir)) ?? (candidates[0] as string);
}

let cached: TemplateRegistry | undefined;

/** The default registry, loaded from disk on first use and then kept. */
export function defaultRegistry(): TemplateRegistry {
  cached ??= loadLetterTemplates(defaultTemplateDir());
  return cached;
}
