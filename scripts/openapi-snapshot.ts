// npm run openapi:snapshot: rewrites tests/unit/http/openapi.snapshot.json, the
// committed copy of /openapi.json that a test compares byte for byte.
import fs from 'node:fs';
import path from 'node:path';

import { currentOpenApiDocument } from './openapi-types';

const file = path.join(__dirname, '../tests/unit/http/openapi.snapshot.json');
fs.writeFileSync(file, `${JSON.stringify(currentOpenApiDocument(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
