/**
 * Not a test: times renderHistoryPdf on a long history and prints the figures.
 *   npx tsx tests/unit/history/pdf-timing.ts [events=5000] [runs=5]
 * Also reports the longest event-loop stall during a render (the timeline
 * yields every 200 events).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { renderHistoryPdf } from '../../../server/history/history-pdf';
import { longHistory } from './history-fixture';

async function main(): Promise<void> {
  const events = Number(process.argv[2] ?? 5000);
  const runs = Number(process.argv[3] ?? 5);
  const doc = longHistory(events);
  await renderHistoryPdf(doc); // warm-up
  const times: number[] = [];
  let bytes = 0;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    bytes = (await renderHistoryPdf(doc)).length;
    times.push(performance.now() - start);
  }
  delay.disable();
  times.sort((a, b) => a - b);
  const ms = (n: number): string => `${n.toFixed(0)} ms`;
  console.log(
    `${events} events, ${runs} runs: median ${ms(times[Math.floor(runs / 2)]!)}, min ${ms(times[0]!)}, max ${ms(times[runs - 1]!)}; ${(bytes / 1_048_576).toFixed(2)} MiB`,
  );
  console.log(`longest event-loop stall: ${ms(delay.max / 1e6)}`);
}

void main();
