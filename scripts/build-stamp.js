// `npm start` compiles the server only when what the compiler reads changed
// since the last build: a fresh checkout (no dist) or edited sources build, a
// second start of the same checkout goes straight to node. Plain JavaScript so
// it runs before anything is compiled. Content hashes rather than mtimes,
// because git checkouts and copies rewrite mtimes without changing sources.

const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

// What tsconfig.build.json compiles, and what decides how (compiler options,
// the exact versions of typescript and the @types packages). templates/ is
// read at run time from the checkout, so it never makes dist stale.
const SOURCE_DIRS = ['server', 'migrations'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const STAMP = path.join('dist', '.build-stamp');
const ENTRY = path.join('dist', 'server', 'main.js');

function filesUnder(root, dir) {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  const out = [];
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(root, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** SHA-256 over the path and content of every build input, in a stable order. */
function fingerprint(root) {
  const files = [...SOURCE_DIRS.flatMap((d) => filesUnder(root, d)), ...SOURCE_FILES.filter((f) => fs.existsSync(path.join(root, f)))];
  const hash = createHash('sha256');
  for (const rel of files.map((f) => f.split(path.sep).join('/')).sort()) {
    hash.update(`${rel}\0`);
    hash.update(fs.readFileSync(path.join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Why dist must be rebuilt, or undefined when it matches the sources. */
function staleReason(root) {
  if (!fs.existsSync(path.join(root, ENTRY))) return `${ENTRY} is missing`;
  const stampPath = path.join(root, STAMP);
  if (!fs.existsSync(stampPath)) return 'dist was not built by npm start';
  if (fs.readFileSync(stampPath, 'utf8').trim() !== fingerprint(root)) return 'sources changed since the last build';
  return undefined;
}

function writeStamp(root, value) {
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(root, STAMP), `${value}\n`);
}

/** Builds when stale; returns the process exit code. The stamp is written only after a successful build. */
function buildIfStale(root, { force = false, log = (m) => console.error(m) } = {}) {
  const reason = force ? 'forced' : staleReason(root);
  if (!reason) return 0;
  // Taken before compiling, so an edit made during the build still counts as a change.
  const before = fingerprint(root);
  log(`building the server (${reason})…`);
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) return result.status ?? 1;
  writeStamp(root, before);
  return 0;
}

// The web app: what Vite reads (its sources and config, the generated API types, the locked versions).
const WEB_SOURCES = {
  dirs: ['web/src', 'web/public'],
  files: ['web/index.html', 'web/vite.config.ts', 'clients/typescript/schema.d.ts', 'clients/typescript/client.ts', 'package-lock.json'],
};
const WEB_STAMP = path.join('web', 'dist', '.build-stamp');
const WEB_ENTRY = path.join('web', 'dist', 'index.html');

function webFingerprint(root) {
  const files = [
    ...WEB_SOURCES.dirs.flatMap((d) => filesUnder(root, d)),
    ...WEB_SOURCES.files.filter((f) => fs.existsSync(path.join(root, f))),
  ];
  const hash = createHash('sha256');
  for (const rel of files.map((f) => f.split(path.sep).join('/')).sort()) {
    hash.update(`${rel}\0`);
    hash.update(fs.readFileSync(path.join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function webStaleReason(root) {
  if (!fs.existsSync(path.join(root, WEB_ENTRY))) return `${WEB_ENTRY} is missing`;
  const stampPath = path.join(root, WEB_STAMP);
  if (!fs.existsSync(stampPath)) return 'web/dist was not built by npm start';
  if (fs.readFileSync(stampPath, 'utf8').trim() !== webFingerprint(root)) return 'web app sources changed since the last build';
  return undefined;
}

/** Builds the web app with Vite when stale. A checkout without web/ (an API-only image) has nothing to build. */
function buildWebIfStale(root, { force = false, log = (m) => console.error(m) } = {}) {
  if (!fs.existsSync(path.join(root, 'web', 'index.html'))) return 0;
  const reason = force ? 'forced' : webStaleReason(root);
  if (!reason) return 0;
  const before = webFingerprint(root);
  log(`building the web app (${reason})…`);
  const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [root] })), 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join('web', 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // Always the production build: called from Jest (NODE_ENV=test) it would otherwise bundle React's development
    // build (+67 KB gzip) and stamp it as fresh, so a later `npm start` would serve it.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) return result.status ?? 1;
  fs.writeFileSync(path.join(root, WEB_STAMP), `${before}\n`);
  return 0;
}

module.exports = { fingerprint, staleReason, writeStamp, buildIfStale, buildWebIfStale, webStaleReason, STAMP, ENTRY, WEB_STAMP };

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const force = process.argv.includes('--force');
  const code = buildIfStale(root, { force });
  process.exitCode = code !== 0 ? code : buildWebIfStale(root, { force });
}
