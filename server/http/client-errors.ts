import http, { type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Problem } from '../errors/problem';
import type { Logger } from '../logger';
import { PROBLEM_CONTENT_TYPE } from './error-handler';

/** What Node's parser reports about a request it could not read (only some of it is typed). */
interface ClientError extends Error {
  code?: string;
}

function problemFor(err: ClientError, maxHeaderSize: number): Problem {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new Problem({
        status: 431,
        slug: 'headers-too-large',
        title: 'Request header fields too large',
        detail: `The request line and headers together are longer than this server reads (${maxHeaderSize} bytes); shorten the URL or the headers.`,
      });
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new Problem({ status: 408, slug: 'request-timeout', title: 'Request timeout', detail: 'The request did not arrive in time.' });
    default:
      return new Problem({
        status: 400,
        slug: 'malformed-request',
        title: 'Bad request',
        detail: 'The request is not well-formed HTTP/1.1.',
      });
  }
}

/**
 * Requests Node's parser refuses (a URL over the header limit, broken framing)
 * never reach Express; Node would answer them with a bare status line. Here
 * they get a whole HTTP response with a problem+json body, then the connection
 * closes, since the parser cannot find where the next request would start.
 */
export function answerClientErrors(server: Server, logger: Logger): void {
  // app.listen() passes no maxHeaderSize, so the process-wide limit (--max-http-header-size) applies.
  const maxHeaderSize = http.maxHeaderSize;
  server.on('clientError', (err: ClientError, socket: Duplex) => {
    // A peer that has gone, or a response already under way on this socket, leaves nothing to answer.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const problem = problemFor(err, maxHeaderSize);
    logger.info({ code: err.code, status: problem.status }, 'request refused by the HTTP parser');
    const body = JSON.stringify(problem.toBody());
    socket.end(
      [
        `HTTP/1.1 ${problem.status} ${http.STATUS_CODES[problem.status]}`,
        `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}
