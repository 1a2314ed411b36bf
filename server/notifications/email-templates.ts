import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

/**
 * Emails to newsroom staff (delivery failures, reminders, digests) are
 * Handlebars files under templates/email: a `subject:` line between `---`
 * fences, then the plain-text body. Editing wording needs no code change.
 */
interface EmailTemplate {
  subject: Handlebars.TemplateDelegate;
  body: Handlebars.TemplateDelegate;
}

const hbs = Handlebars.create();
hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
hbs.registerHelper('plural', (n: number, one: string, many: string) => (n === 1 ? one : many));

function templateDir(): string {
  const candidates = [path.resolve(__dirname, '../../templates/email'), path.resolve(__dirname, '../../../templates/email')];
  return candidates.find((d) => fs.existsSync(d)) ?? (candidates[0] as string);
}

const cache = new Map<string, EmailTemplate>();

function load(name: string): EmailTemplate {
  const cached = cache.get(name);
  if (cached) return cached;
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad email template name ${name}`);
  const source = fs.readFileSync(path.join(templateDir(), `${name}.hbs`), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source.replace(/\r\n/g, '\n'));
  const subjectLine = match?.[1]?.split('\n').find((l) => l.startsWith('subject:'));
  if (!match || !subjectLine) throw new Error(`email template ${name} needs a ---/subject:/--- header`);
  const template = {
    subject: hbs.compile(subjectLine.slice('subject:'.length).trim(), { noEscape: true, strict: true }),
    body: hbs.compile(match[2] ?? '', { noEscape: true, strict: true }),
  };
  cache.set(name, template);
  return template;
}

export function renderEmail(name: string, context: object): { subject: string; text: string } {
  const t = load(name);
  return {
    subject: t
      .subject(context)
      .replace(/[\r\n]+/g, ' ')
      .trim(),
    text: `${t
      .body(context)
      .replace(/\n{3,}/g, '\n\n')
      .trim()}\n`,
  };
}
