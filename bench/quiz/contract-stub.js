// FOR DEVELOPING THE HARNESS ONLY — not the production server, and its figures are not the benchmark's.
// A bare node:http server that answers the learner URLs of the weekly-assessment contract (docs: briefs' URL
// contract) by calling core's commands directly, with minimal HTML. `node bench/quiz/run.js --server stub` uses it
// to check the harness (form reading, saves, lost-answer check) while the SvelteKit pages are not built, and to see
// what core and the database cost without the page rendering.
import { register } from 'tsx/esm/api';
import http from 'node:http';

register();
const { core, assessment } = await (await import('../lib/core-doors.js')).loadCoreDoors();
const app = await core.openApp(core.loadConfig(), {
  logger: core.createLogger('warn', (line) => process.stderr.write(`${line}\n`)),
});
const esc = (s) =>
  String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function fields(q) {
  const name = `slot-${q.slot}`;
  if (q.options)
    return q.options
      .map(
        (o) =>
          `<label><input type="${q.multipleAnswers ? 'checkbox' : 'radio'}" name="${name}" value="${esc(o.id)}"> ${esc(o.text)}</label>`,
      )
      .join('');
  if (q.prompts)
    return q.prompts
      .map(
        (p) =>
          `<select name="${name}-${p.id}"><option value=""></option>${q.choices.map((c) => `<option value="${esc(c)}">${esc(c)}</option>`).join('')}</select>`,
      )
      .join('');
  return `<input type="text" name="${name}">`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

function pageAnswers(form) {
  const page = {};
  for (const [key, value] of form) {
    const m = /^slot-(\d+)(?:-(p\d+))?$/.exec(key);
    if (!m) continue;
    const a = (page[m[1]] ??= {});
    if (m[2]) (a.pairs ??= {})[m[2]] = value;
    else {
      (a.selected ??= []).push(value);
      a.text = value;
    }
  }
  return page;
}

async function route(req, res) {
  const url = new URL(req.url, 'http://stub');
  if (url.pathname === '/healthz') return send(res, 200, 'ok');
  const cookie = /labmig_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  const { actor } = await core.resolveSession(app, cookie);
  let m;
  if (
    req.method === 'POST' &&
    (m = /^\/cohorts\/([^/]+)\/assessments\/([^/]+)$/.exec(url.pathname)) &&
    url.search === '?/start'
  ) {
    const { attemptId } = await assessment.startAttempt(app, actor, { cohortId: m[1], quizId: m[2] });
    return redirect(res, url.pathname.replace(/assessments\/.*/, `attempts/${attemptId}`));
  }
  if ((m = /^\/cohorts\/([^/]+)\/attempts\/([^/]+)(\/review)?$/.exec(url.pathname))) {
    const ref = { cohortId: m[1], attemptId: m[2] };
    if (req.method === 'GET') {
      const dto = await assessment.getAttempt(app, actor, ref);
      const html = dto.questions
        .map((q) => `<fieldset><p>${esc(q.text)}</p>${m[3] ? '' : fields(q)}</fieldset>`)
        .join('');
      return send(
        res,
        200,
        `<!doctype html><form method="post"><input type="hidden" name="page" value="1">${html}</form>`,
      );
    }
    const form = await readForm(req);
    if (url.search === '?/save') {
      await assessment.saveAnswers(app, actor, ref, pageAnswers(form));
      return redirect(res, `${url.pathname}?page=${Number(form.get('page') ?? 1) + 1}`);
    }
    if (url.search === '?/submit') {
      await assessment.submitAttempt(app, actor, ref, pageAnswers(form));
      return redirect(res, `${url.pathname}/review`);
    }
  }
  return send(res, 404, 'not found');
}

const send = (res, status, body) => res.writeHead(status, { 'content-type': 'text/html' }).end(body);
const redirect = (res, location) => res.writeHead(303, { location }).end();

const server = http.createServer((req, res) =>
  route(req, res).catch((error) => {
    const status = core.isDomainError(error) ? 409 : 500;
    send(res, status, esc(error.message));
  }),
);
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => app.close().then(() => process.exit(0))));
