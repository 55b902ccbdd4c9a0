import { migrateToLatest, openDatabase } from '@labmig/db';
import type { CliIo } from '../cli-io.ts';
import { cliConfig } from '../with-app.ts';

/** `labmig migrate`: runs pending migrations and lists what was applied. */
export async function migrateCommand(_args: string[], io: CliIo): Promise<number> {
  const config = cliConfig(io);
  const db = openDatabase(config.database);
  try {
    const result = await migrateToLatest(db, {
      schema: config.database.kind === 'postgres' ? config.database.schema : undefined,
    });
    for (const r of result.results)
      io.stdout.write(`${r.status === 'Success' ? 'applied' : r.status}: ${r.migrationName}\n`);
    if (result.error !== undefined) {
      io.stderr.write(
        `labmig migrate: failed: ${(result.error as Error)?.message ?? String(result.error)}\n`,
      );
      return 1;
    }
    if (result.results.length === 0) io.stdout.write('The database is up to date.\n');
    return 0;
  } finally {
    await db.destroy();
  }
}
