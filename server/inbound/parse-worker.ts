import { parentPort } from 'node:worker_threads';
import { parseMail } from './mail-parse';

// A parse worker thread, started by parse-pool.ts: it is given one raw message
// at a time and answers with the parsed message or why it failed.
const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread (see parse-pool.ts).');

port.on('message', async (raw: Uint8Array) => {
  try {
    port.postMessage({ result: await parseMail(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)) });
  } catch (err) {
    port.postMessage({ failed: err instanceof Error ? err.message : String(err) });
  }
});
