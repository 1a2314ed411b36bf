import fs from 'node:fs';
import path from 'node:path';

import { currentOpenApiDocument } from '../../../scripts/openapi-types';

// Refactors must not change the public contract by accident: the document is
// compared byte for byte with the committed one. A deliberate API change
// rewrites it with `npm run openapi:snapshot` and shows up in review.
const SNAPSHOT = path.join(__dirname, 'openapi.snapshot.json');

describe('/openapi.json', () => {
  it('when built from the route table, then it is byte-identical to the committed snapshot (npm run openapi:snapshot after a deliberate change)', () => {
    const current = `${JSON.stringify(currentOpenApiDocument(), null, 2)}\n`;
    expect(current === fs.readFileSync(SNAPSHOT, 'utf8')).toBe(true);
  });
});
