import pino, { type Logger } from 'pino';

export type { Logger };

// Credentials must never reach the logs, whichever code path logs a request.
const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'req.query.token', 'headers.authorization', '*.token', '*.password'];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}
