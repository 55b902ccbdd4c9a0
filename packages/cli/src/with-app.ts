import { createLogger, findRepoRoot, loadConfig, openApp, type App, type Config } from '@labmig/core/app';
import type { CliIo } from './cli-io.ts';

/** The validated configuration for a CLI run (relative paths from the repository root). */
export function cliConfig(io: CliIo): Config {
  return loadConfig(io.env, findRepoRoot(io.cwd));
}

/**
 * Opens the app (runs migrations), runs `fn`, closes the app. CLI logs go to stderr at LOG_LEVEL,
 * `warn` by default so command output stays readable.
 */
export async function withApp<T>(
  io: CliIo,
  fn: (app: App) => Promise<T>,
  level?: Config['logLevel'],
): Promise<T> {
  const config = cliConfig(io);
  const logger = createLogger(level ?? (io.env.LOG_LEVEL ? config.logLevel : 'warn'), (line) =>
    io.stderr.write(line + '\n'),
  );
  const app = await openApp(config, { logger, ...(io.clock ? { clock: io.clock } : {}) });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
