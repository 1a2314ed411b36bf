import fs from 'node:fs';
import path from 'node:path';

export interface CurlExample {
  /** Where in README.md, for messages. */
  line: number;
  method: string;
  /** The URL path as written, e.g. /v1/requests/$REQ/submit. */
  url: string;
  body: unknown;
}

/**
 * Shell words of one command: quotes removed, `\`-newline joined, `#` comments
 * dropped. Enough shell for the README's curl lines, not a shell.
 */
function words(command: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      word = (word ?? '') + command.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      let s = '';
      for (; command[j] !== '"'; j++) s += command[j] === '\\' ? command[++j] : command[j];
      word = (word ?? '') + s;
      i = j;
    } else if (c === '\\' && command[i + 1] === '\n') {
      i++;
    } else if (/\s/.test(c)) {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) {
      while (i < command.length && command[i] !== '\n') i++;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) out.push(word);
  return out;
}

/**
 * Splits a ```sh block into commands: a newline outside quotes ends one unless
 * escaped; comments are dropped, except a commented-out curl, which is still an example.
 */
function commands(block: string, firstLine: number): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  let text = '';
  let quote: string | undefined;
  let line = firstLine;
  let startLine = firstLine;
  for (let i = 0; i <= block.length; i++) {
    const c = block[i];
    if (c === undefined || (c === '\n' && !quote && block[i - 1] !== '\\')) {
      if (text.trim()) out.push({ line: startLine, text });
      text = '';
      startLine = line + 1;
    } else if (c === '#' && !quote && (i === 0 || /\s/.test(block[i - 1]!))) {
      const end = block.indexOf('\n', i);
      const stop = end === -1 ? block.length : end;
      const comment = block.slice(i + 1, stop).trim();
      if (comment.startsWith('curl ')) out.push({ line, text: comment });
      i = stop - 1;
      continue;
    } else if (c === "'" || c === '"') {
      if (!quote) quote = c;
      else if (quote === c) quote = undefined;
    }
    if (c !== undefined) text += c;
    if (c === '\n') line++;
  }
  return out;
}

// What the README leaves for the reader to fill in: <agencyId>, or a shell variable such as $AGENCY.
const PLACEHOLDER = /^(<\w+>|\$\{?\w+\}?)$/;
const SAMPLE_ID = '0b6f8c3e-5d2a-4f1e-9c7b-3a2d1e0f4b5c';

/** Ids left as placeholders become a sample id, so the body is checked as the reader will send it. */
function fillPlaceholders(node: unknown): unknown {
  if (typeof node === 'string') return PLACEHOLDER.test(node) ? SAMPLE_ID : node;
  if (Array.isArray(node)) return node.map(fillPlaceholders);
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fillPlaceholders(v)]));
  return node;
}

/** Every curl in README.md's ```sh blocks that sends a JSON body with -d. */
export function readmeCurlExamples(readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8')): CurlExample[] {
  const examples: CurlExample[] = [];
  const fence = /^```sh\n([\s\S]*?)^```/gm;
  for (let m = fence.exec(readme); m; m = fence.exec(readme)) {
    const firstLine = readme.slice(0, m.index).split('\n').length + 1;
    for (const { line, text } of commands(m[1]!, firstLine)) {
      // A command substitution such as REQ=$(curl … | node …) holds the curl.
      const at = text.indexOf('curl ');
      if (at === -1) continue;
      const args = words(text.slice(at).split(/\s\|\s/)[0]!);
      let method: string | undefined;
      let url: string | undefined;
      let data: string | undefined;
      for (let i = 1; i < args.length; i++) {
        const a = args[i]!;
        if (a === '-X') method = args[++i];
        else if (a === '-d' || a === '--data') data = args[++i];
        else if (a === '-H' || a === '-o' || a === '-F' || a === '--data-binary') i++;
        else if (a.includes('/v1/')) url = a.slice(a.indexOf('/v1/'));
      }
      if (data === undefined || url === undefined) continue;
      let body: unknown;
      try {
        body = JSON.parse(data);
      } catch (err) {
        throw new Error(`README.md line ${line}: the -d body is not JSON: ${(err as Error).message}`);
      }
      examples.push({ line, method: (method ?? 'POST').toLowerCase(), url: url.split('?')[0]!, body: fillPlaceholders(body) });
    }
  }
  return examples;
}

/** The document's path template a README URL stands for: `$REQ`, `<id>` and the like fill `{param}` segments. */
export function matchPath(url: string, templates: string[]): string | undefined {
  const parts = url.split('/');
  const placeholder = (s: string) => /^(\$\w+|\$\{\w+\}|<\w+>)$/.test(s);
  return templates.find((t) => {
    const tp = t.split('/');
    return (
      tp.length === parts.length &&
      tp.every((seg, i) => (/^\{\w+\}$/.test(seg) ? placeholder(parts[i]!) || /^[\w-]+$/.test(parts[i]!) : seg === parts[i]))
    );
  });
}
