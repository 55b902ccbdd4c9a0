/**
 * The code each pool thread runs (CommonJS, started with `eval`: no file to locate in the bundled server). It
 * registers tsx when asked (task modules are TypeScript sources), then runs one task at a time: `{ type: 'run' }`
 * imports the task module (cached) and calls its `run`; `{ type: 'cancel' }` aborts the task's signal.
 */
export const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const modules = new Map();
let current;
const ready = (async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
})();
parentPort.on('message', async (message) => {
  if (message.type === 'cancel') {
    if (current && current.id === message.id) current.controller.abort(new Error('cancelled'));
    return;
  }
  if (message.type !== 'run') return;
  const controller = new AbortController();
  current = { id: message.id, controller };
  try {
    await ready;
    let mod = modules.get(message.module);
    if (!mod) {
      mod = await import(message.module);
      modules.set(message.module, mod);
    }
    if (typeof mod.run !== 'function') throw new Error('module ' + message.module + ' has no run export');
    const ctx = {
      signal: controller.signal,
      progress(fraction, detail) {
        parentPort.postMessage({ type: 'progress', id: message.id, fraction, detail });
      },
    };
    const output = await mod.run(message.input, ctx);
    parentPort.postMessage({ type: 'done', id: message.id, output });
  } catch (error) {
    parentPort.postMessage({
      type: 'error',
      id: message.id,
      name: error && error.name,
      message: String((error && error.message) || error),
      cancelled: controller.signal.aborted,
    });
  } finally {
    current = undefined;
  }
});
`;
