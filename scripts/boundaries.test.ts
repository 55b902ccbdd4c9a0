import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The dependency rule of docs/ARCHITECTURE.md is enforced by ESLint (eslint.config.js, `boundary(…)`).
// These cases lint small sources as if they sat at the given paths, so a rule that stops firing fails here.

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the dependency rule', () => {
  it.each([
    [
      'a web route importing the database package',
      'apps/web/src/routes/x/+page.server.ts',
      "import { openDatabase } from '@labmig/db';",
    ],
    [
      'a web helper importing the database test kit',
      'apps/web/src/lib/server/x.ts',
      "import { forEachDialect } from '@labmig/db/testing';",
    ],
    [
      'a Svelte page importing the database package',
      'apps/web/src/routes/x/+page.svelte',
      '<script lang="ts">\n  import { newId } from \'@labmig/db\';\n  newId();\n</script>\n',
    ],
    [
      'a browser test seed importing the database package',
      'apps/web/e2e/seed-x.ts',
      "import { findUserByEmail } from '@labmig/db';",
    ],
    [
      'the web app importing core’s testing door',
      'apps/web/src/lib/server/x.ts',
      "import { createTestApp } from '@labmig/core/testing';",
    ],
    [
      'a stats file importing the database package',
      'packages/stats/src/estimate/x.ts',
      "import { newId } from '@labmig/db';",
    ],
    [
      'a stats file importing core',
      'packages/stats/src/io/x.ts',
      "import { can } from '@labmig/core/access';",
    ],
    ['a stats file importing the CLI', 'packages/stats/src/cli/x.ts', "export { main } from '@labmig/cli';"],
    [
      'the database package importing core',
      'packages/db/src/x.ts',
      "import type { App } from '@labmig/core/app';",
    ],
    [
      'core importing the web app',
      'packages/core/src/learning/x.ts',
      "import { runLoad } from '@labmig/web';",
    ],
  ])('refuses %s', async (_what, path, code) => {
    expect(await boundaryErrors(path, code)).toHaveLength(1);
  });

  it.each([
    [
      'a web route importing a core door',
      'apps/web/src/routes/x/+page.server.ts',
      "import { getRoster } from '@labmig/core/cohorts';",
    ],
    [
      'a web unit test using core’s testing door',
      'apps/web/src/lib/server/x.test.ts',
      "import { createTestApp } from '@labmig/core/testing';",
    ],
    [
      'core importing the database package',
      'packages/core/src/cohorts/x.ts',
      "import { newId } from '@labmig/db';",
    ],
    [
      'core importing the statistics engine',
      'packages/core/src/lab/x.ts',
      "import { runSpec } from '@labmig/stats';",
    ],
    [
      'the CLI importing every package',
      'packages/cli/src/x.ts',
      "import { runSpec } from '@labmig/stats';\nimport { newId } from '@labmig/db';",
    ],
  ])('allows %s', async (_what, path, code) => {
    expect(await boundaryErrors(path, code)).toEqual([]);
  });
});
