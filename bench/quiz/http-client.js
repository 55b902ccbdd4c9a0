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
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const base = new URL(origin);

  /**
   * One request; never throws. `ms` runs from the call to the last byte of the body (so it includes waiting
   * for a free socket of the pool). `decode` gunzips and keeps the body text (only where the caller reads it).
   * @param {{ method: 'GET' | 'POST', path: string, cookie: string, form?: URLSearchParams, decode?: boolean }} req
   * @returns {Promise<HttpResult>}
   */
  function request({ method, path, cookie, form, decode = false }) {
    const started = performance.now();
    const payload = form ? Buffer.from(form.toString()) : undefined;
    /** @type {Record<string, string | number>} */
    const headers = {
      host: base.host,
      accept: 'text/html,application/xhtml+xml',
      'accept-language': 'en-GB,en;q=0.9',
      'accept-encoding': 'gzip',
      cookie,
    };
    if (payload) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = payload.length;
      headers.origin = base.origin;
    }
    return new Promise((resolve) => {
      let settled = false;
      /** @param {Omit<HttpResult, 'ms'>} r */
      const done = (r) => {
        if (settled) return;
        settled = true;
        resolve({ ...r, ms: performance.now() - started });
      };
      const req = http.request(
        { hostname: base.hostname, port: base.port, method, path, headers, agent },
        (res) => {
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
      req.on('error', (e) => done({ status: 0, location: undefined, body: '', error: e.message }));
      req.end(payload);
    });
  }

  return { request, close: () => agent.destroy() };
}
