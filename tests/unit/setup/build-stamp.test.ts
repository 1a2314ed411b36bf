import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ENTRY, fingerprint, staleReason, writeStamp } from '../../../scripts/build-stamp';

// A miniature checkout: the decision only reads files, so no compiler runs here.
let root: string;
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-stamp-'));
  write('server/main.ts', 'export const a = 1;\n');
  write('server/db/database.ts', 'export const b = 2;\n');
  write('migrations/index.ts', 'export {};\n');
  write('tsconfig.json', '{}');
  write('tsconfig.build.json', '{}');
  write('package-lock.json', '{"lockfileVersion":3}');
  write('templates/letters/x.hbs', 'Dear {{agency}}');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** What a successful build leaves behind. */
const built = () => {
  write(ENTRY, '// compiled');
  writeStamp(root, fingerprint(root));
};

describe('npm start builds only when the sources changed', () => {
  it('when there is no dist (a fresh clone), then it builds', () => {
    expect(staleReason(root)).toMatch(/missing/);
  });

  it('when dist exists but was built some other way (no stamp), then it builds', () => {
    write(ENTRY, '// compiled');
    expect(staleReason(root)).toMatch(/not built/);
  });

  it('when nothing changed since the last build, then it does not build', () => {
    built();
    expect(staleReason(root)).toBeUndefined();
  });

  it('when only file times change (a checkout or copy), then it does not build', () => {
    built();
    const later = new Date(Date.now() + 3600_000);
    fs.utimesSync(path.join(root, 'server/main.ts'), later, later);
    expect(staleReason(root)).toBeUndefined();
  });

  it.each([
    ['a server source is edited', () => write('server/db/database.ts', 'export const b = 3;\n')],
    ['a server source is added', () => write('server/new-feature.ts', 'export {};\n')],
    ['a server source is deleted', () => fs.rmSync(path.join(root, 'server/db/database.ts'))],
    ['a migration is added', () => write('migrations/20261201000000_x.ts', 'export {};\n')],
    ['the compiler options change', () => write('tsconfig.json', '{"compilerOptions":{}}')],
    ['dependencies change', () => write('package-lock.json', '{"lockfileVersion":3,"packages":{}}')],
  ])('when %s, then it builds', (_what, change) => {
    built();
    change();
    expect(staleReason(root)).toMatch(/changed/);
  });

  it('when only a template changes (read at run time, not compiled), then it does not build', () => {
    built();
    write('templates/letters/x.hbs', 'Dear {{agency.name}}');
    expect(staleReason(root)).toBeUndefined();
  });

  it('when the compiled entry point was removed, then it builds even if the stamp matches', () => {
    built();
    fs.rmSync(path.join(root, ENTRY));
    expect(staleReason(root)).toMatch(/missing/);
  });
});
