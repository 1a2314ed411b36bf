import path from 'node:path';

// The browser suite serves the built app: build it once per run, only when its sources changed (as `npm start` does).
export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  // Plain JavaScript shared with `npm start`; required at run time so it is not compiled again.
  const { buildWebIfStale } = require(path.join(root, 'scripts/build-stamp.js')) as {
    buildWebIfStale: (root: string, opts?: { log?: (m: string) => void }) => number;
  };
  const code = buildWebIfStale(root);
  if (code !== 0) throw new Error(`building the web app failed (exit ${code}); run \`npm run build:web\` to see why`);
}
