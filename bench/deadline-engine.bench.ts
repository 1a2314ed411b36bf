// Issue 3 benchmark: statutory response dates for 1,000,000 (jurisdiction, receipt date) pairs
// spread over every jurisdiction with a fixed period and receipt dates in 2024-2030, with the
// O(1) engine and with a naive day-by-day walk over the same holiday calendars.
// Run: npx tsx bench/deadline-engine.bench.ts   (BENCH_PAIRS, BENCH_NAIVE_SAMPLE, BENCH_FULL_SAMPLE to change sizes)
import { computeDeadlines, computeResponseDueDate, getJurisdiction, listJurisdictions } from '../server/deadlines';
import { responseDueDay } from '../server/deadlines/response-date';
import { formatDay, parseIsoDate } from '../server/deadlines/civil-dates';
import type { RuleVersion } from '../server/deadlines/rule-types';
import { hasFixedPeriod } from '../server/deadlines/rule-types';
import { NaiveCalendar } from '../tests/unit/deadlines/naive-walk';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 1_000_000);
const NAIVE_SAMPLE = Number(process.env.BENCH_NAIVE_SAMPLE ?? 50_000);
const FULL_SAMPLE = Number(process.env.BENCH_FULL_SAMPLE ?? 50_000);

const FIRST = parseIsoDate('2024-01-01') as number;
const LAST = parseIsoDate('2030-12-31') as number;

function latest(code: string): RuleVersion {
  const rules = getJurisdiction(code);
  const version = rules?.versions[rules.versions.length - 1];
  if (!version) throw new Error(code);
  return version;
}

// Deterministic pseudo-random pairs (mulberry32) so runs are comparable.
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const codes = listJurisdictions()
  .filter((j) => j.response !== null)
  .map((j) => j.code);
const random = rng(20260116);
const pairCodes: string[] = new Array<string>(PAIRS);
const pairDates: string[] = new Array<string>(PAIRS);
const pairDays = new Int32Array(PAIRS);
for (let i = 0; i < PAIRS; i += 1) {
  pairCodes[i] = codes[i % codes.length] as string;
  pairDays[i] = FIRST + Math.floor(random() * (LAST - FIRST + 1));
  pairDates[i] = formatDay(pairDays[i] as number);
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}
const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US');

// Warm-up: both sides build their holiday years first;
// the timed loops then measure the date arithmetic, not holiday rule evaluation.
let start = process.hrtime.bigint();
for (const code of codes) for (let day = FIRST; day <= LAST; day += 30) computeResponseDueDate(code, formatDay(day));
console.log(`engine warm-up (holiday years + prefix arrays for ${codes.length} calendars): ${seconds(start).toFixed(2)} s`);

// Naive walk: the same rule periods and holiday calendars, one calendar day at a time.
type NaiveRule = { calendar: NaiveCalendar; days: number; business: boolean; roll: boolean; ackDays: number | undefined };
const naiveRules = new Map<string, NaiveRule>();
for (const code of codes) {
  const version = latest(code);
  const response = version.response;
  if (!hasFixedPeriod(response) || response.days === undefined) throw new Error(`${code} has no day period`);
  const ack = response.countFrom === 'acknowledgment' ? version.acknowledgment?.days : undefined;
  naiveRules.set(code, {
    calendar: new NaiveCalendar({ calendar: version.holidays }),
    days: response.days,
    business: response.dayType === 'business',
    roll: version.counting.rollForward.agencyDeadlines,
    ackDays: ack,
  });
}
function naiveDue(code: string, date: string): string {
  const rule = naiveRules.get(code) as NaiveRule;
  const from = rule.ackDays === undefined ? date : rule.calendar.addBusinessDays(date, rule.ackDays);
  return rule.business ? rule.calendar.addBusinessDays(from, rule.days) : rule.calendar.addCalendarDays(from, rule.days, rule.roll);
}
start = process.hrtime.bigint();
for (const code of codes)
  for (let year = 2024; year <= 2031; year += 1) (naiveRules.get(code) as NaiveRule).calendar.isBusinessDay(`${year}-01-02`);
console.log(`naive warm-up (holiday years): ${seconds(start).toFixed(2)} s`);

// 1. Core: computeResponseDueDate, the response-date function computeDeadlines runs first
//    (version lookup, receipt convention, dueDay over the cached prefix arrays), strings in and out.
let checksum = 0;
start = process.hrtime.bigint();
for (let i = 0; i < PAIRS; i += 1) {
  const due = computeResponseDueDate(pairCodes[i] as string, pairDates[i] as string);
  checksum += due === null ? 0 : due.charCodeAt(9);
}
const fastSeconds = seconds(start);

// 1b. The same computation on day ordinals (no string parse or format): the arithmetic alone.
start = process.hrtime.bigint();
for (let i = 0; i < PAIRS; i += 1) checksum += responseDueDay(pairCodes[i] as string, pairDays[i] as number) & 7;
const ordinalSeconds = seconds(start);

// 2. Naive walk on a sample, scaled to a rate; results are checked against the engine.
const sample = Math.min(NAIVE_SAMPLE, PAIRS);
let mismatches = 0;
const naiveResults: string[] = new Array<string>(sample);
start = process.hrtime.bigint();
for (let i = 0; i < sample; i += 1) naiveResults[i] = naiveDue(pairCodes[i] as string, pairDates[i] as string);
const naiveSeconds = seconds(start);
for (let i = 0; i < sample; i += 1)
  if (naiveResults[i] !== computeResponseDueDate(pairCodes[i] as string, pairDates[i] as string)) mismatches += 1;

// 3. Full computeDeadlines (input validation, luxon zone conversion, events, trace) on a sample.
const full = Math.min(FULL_SAMPLE, PAIRS);
start = process.hrtime.bigint();
for (let i = 0; i < full; i += 1) {
  checksum += computeDeadlines({ jurisdiction: pairCodes[i] as string, receivedAt: `${pairDates[i] as string}T15:00:00Z` }).deadlines
    .length;
}
const fullSeconds = seconds(start);

const fastRate = PAIRS / fastSeconds;
const naiveRate = sample / naiveSeconds;
console.log('');
console.log(
  `pairs: ${PAIRS.toLocaleString('en-US')} over ${codes.length} jurisdictions with a fixed period, receipts 2024-01-01..2030-12-31`,
);
console.log(
  `core   computeResponseDueDate (O(1) prefix arrays): ${PAIRS.toLocaleString('en-US')} in ${fastSeconds.toFixed(3)} s = ${rate(PAIRS, fastSeconds)} /s`,
);
console.log(`core   responseDueDay (same, on day ordinals, no parse/format): ${rate(PAIRS, ordinalSeconds)} /s`);
console.log(
  `naive  day-by-day walk, same holiday calendars: sample of ${sample.toLocaleString('en-US')} in ${naiveSeconds.toFixed(3)} s = ${rate(sample, naiveSeconds)} /s (scaled to 1,000,000: ${(1_000_000 / naiveRate).toFixed(1)} s)`,
);
console.log(
  `ratio  core / naive: ${(fastRate / naiveRate).toFixed(1)}x (strings), ${(PAIRS / ordinalSeconds / naiveRate).toFixed(1)}x (ordinals)   naive results differing from the engine: ${mismatches}`,
);
console.log(
  `full   computeDeadlines with trace (validation, luxon, trace): sample of ${full.toLocaleString('en-US')} in ${fullSeconds.toFixed(3)} s = ${rate(full, fullSeconds)} /s`,
);
console.log('note: "core" is the response-date arithmetic computeDeadlines runs for its response deadline (BusinessCalendar prefix arrays');
console.log('      via dueDay, bound per rule version); "full" adds input validation, luxon zone conversion, events and the trace.');
console.log('      Timings are wall-clock on a shared machine; expect run-to-run variation.');
console.log(
  `targets: core >= 1,000,000 /s: ${fastRate >= 1_000_000 ? 'met' : 'NOT met'}; core >= 50x naive: ${fastRate / naiveRate >= 50 ? 'met' : 'NOT met'}   (checksum ${checksum})`,
);
