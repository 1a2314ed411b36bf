/**
 * Writes the reviewed fixture of every jurisdiction's closed days for
 * 2025-2030 (tests/unit/deadlines/fixtures/holidays-2025-2030.json) and the
 * holiday audit table of docs/deadline-rules.md. The test
 * `holiday-calendars.test.ts` fails whenever the rule data computes anything
 * else, so a changed holiday is a deliberate act: change the rule file, run
 *   npm run holidays:fixture
 * and review the fixture's diff line by line against the statute before committing.
 */
import fs from 'node:fs';
import path from 'node:path';

import { AUDIT_END, AUDIT_START, auditMarkdown, holidayFixture } from '../tests/unit/deadlines/holiday-fixture';

const fixture = path.join(__dirname, '../tests/unit/deadlines/fixtures/holidays-2025-2030.json');
fs.mkdirSync(path.dirname(fixture), { recursive: true });
fs.writeFileSync(fixture, `${JSON.stringify(holidayFixture(), null, 1)}\n`);
console.log(`wrote ${path.relative(process.cwd(), fixture)}`);

const docs = path.join(__dirname, '../docs/deadline-rules.md');
const text = fs.readFileSync(docs, 'utf8');
const start = text.indexOf(AUDIT_START);
const end = text.indexOf(AUDIT_END);
if (start < 0 || end < start) throw new Error(`docs/deadline-rules.md has no ${AUDIT_START} … ${AUDIT_END} block`);
fs.writeFileSync(docs, text.slice(0, start) + auditMarkdown() + text.slice(end + AUDIT_END.length));
console.log('wrote the holiday audit table in docs/deadline-rules.md');
