import { loadConfig, openApp, type App as LabmigApp } from '@labmig/core/app';

let opened: Promise<LabmigApp> | undefined;

/**
 * Opens the application once per process (validates the environment, opens the database and runs migrations).
 * Later calls return the same promise.
 * @throws ConfigError naming the bad environment variable, or MigrationError.
 */
export function startApp(env: Record<string, string | undefined> = process.env): Promise<LabmigApp> {
  opened ??= openApp(loadConfig(env));
  return opened;
}

/** The opened application; starts it if the init hook has not run yet. */
export function getApp(): Promise<LabmigApp> {
  return startApp();
}
