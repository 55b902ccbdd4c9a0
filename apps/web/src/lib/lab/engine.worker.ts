// The engine's Web Worker: packages/stats as it runs on the server, bundled by Vite for the browser. Loaded only by
// engine-client.ts, which only Lab pages import. The protocol is in README.md.
import { createEngineHandler } from './engine-handler.ts';
import type { EngineRequest, EngineResponse } from './engine-protocol.ts';

/** The dedicated worker's global scope, as far as this script uses it (the app's types are the DOM's). */
const scope = self as unknown as {
  postMessage(message: EngineResponse, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
};

const handle = createEngineHandler((response, transfer) => scope.postMessage(response, transfer ?? []));
scope.onmessage = (event) => void handle(event.data);
