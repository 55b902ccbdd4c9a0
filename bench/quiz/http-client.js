// A small HTTP/1.1 client for the benchmark: keep-alive sockets (bounded), one cookie, form posts with an Origin
// header (SvelteKit's CSRF check), gzip bodies decoded on demand. No redirects are followed: the caller sees the
// 303 of a form action, as the browser does before it follows it.
import http from 'node:http';
import { gunzipSync } from 'node:zlib';

/**
 * @typedef {{ status: number, location: string | undefined, body: string, ms: number, error?: string }} HttpResult
 */

/**
 * Creates a client for one server.
 * @param {{ origin: string, maxSockets: number, timeoutMs: number }} options
 */
export function createHttpClient({ origin, maxSockets, timeoutMs }) {
  // Idle sockets are closed after 4 s, before the server's 5 s keep-alive timeout can close them under a request.
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: 4_000 });
  let retried = 0;
  const base = new URL(origin);

  /**
   * One request; never throws. `ms` runs from the call to the last byte of the body (so it includes waiting
   * for a free socket of the pool). `decode` gunzips and keeps the body text (only where the caller reads it).
   * @param {{ method: 'GET' | 'POST', path: string, cookie: string, form?: URLSearchParams, requestId?: string, decode?: boolean }} options
   * @returns {Promise<HttpResult>}
   */
  async function request(options) {
    const started = performance.now();
    const first = await send(options, started);
    // As browsers do: a request that failed on a reused keep-alive socket before any answer (the server closed
    // the idle connection as the request went out) is sent once more on a new connection.
    if (!first.retry) return first.result;
    retried++;
    return (await send(options, started)).result;
  }

  /** @returns {Promise<{ result: HttpResult, retry: boolean }>} */
  function send({ method, path, cookie, form, requestId, decode = false }, started) {
    const payload = form ? Buffer.from(form.toString()) : undefined;
    /** @type {Record<string, string | number>} */
    const headers = {
      host: base.host,
      accept: 'text/html,application/xhtml+xml',
      'accept-language': 'en-GB,en;q=0.9',
      'accept-encoding': 'gzip',
      cookie,
    };
    // The server logs this id with its own handling time (hooks.server.ts), which the bench reads back.
    if (requestId) headers['x-request-id'] = requestId;
    if (payload) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = payload.length;
      headers.origin = base.origin;
    }
    return new Promise((resolve) => {
      let settled = false;
      let answered = false;
      /** @param {Omit<HttpResult, 'ms'>} r */
      const done = (r, retry = false) => {
        if (settled) return;
        settled = true;
        resolve({ result: { ...r, ms: performance.now() - started }, retry });
      };
      const req = http.request(
        { hostname: base.hostname, port: base.port, method, path, headers, agent },
        (res) => {
          answered = true;
          /** @type {Buffer[]} */
          const chunks = [];
          res.on('data', (c) => {
            if (decode) chunks.push(c);
          });
          res.on('error', (e) => done({ status: 0, location: undefined, body: '', error: e.message }));
          res.on('end', () => {
            let body = '';
            if (decode) {
              const raw = Buffer.concat(chunks);
              body = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
            }
            done({ status: res.statusCode ?? 0, location: res.headers.location, body });
          });
        },
      );
      // A bound on the whole exchange, the wait for a socket included (req.setTimeout only covers idle sockets).
      const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      req.on('close', () => clearTimeout(timer));
      req.on('error', (e) => {
        const reset = ['ECONNRESET', 'EPIPE'].includes(/** @type {NodeJS.ErrnoException} */ (e).code ?? '');
        done(
          { status: 0, location: undefined, body: '', error: e.message },
          reset && req.reusedSocket && !answered,
        );
      });
      req.end(payload);
    });
  }

  return { request, retried: () => retried, close: () => agent.destroy() };
}
