import { afterEach } from 'vitest';
import type { TestApp } from './test-app.ts';

/**
 * For a suite that builds a world per test: returns a function that hands a world back and keeps its app, which is
 * closed after the test (the last one kept, when a test builds more than one).
 * @example const world = closeWorldAfterEach(); … const w = world(await buildLabWorld(ctx));
 */
export function closeWorldAfterEach(): <W extends { readonly app: TestApp }>(world: W) => W {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  return (world) => {
    app = world.app;
    return world;
  };
}
