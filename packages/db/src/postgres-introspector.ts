import {
  DEFAULT_MIGRATION_LOCK_TABLE,
  DEFAULT_MIGRATION_TABLE,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  type Kysely,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';

interface ColumnRow {
  readonly schema: string;
  readonly table: string;
  readonly table_type: string;
  readonly column: string;
  readonly not_null: boolean;
  readonly has_default: boolean;
  readonly identity: string;
  readonly type: string;
  readonly type_schema: string;
}

/**
 * PostgreSQL introspection limited to the schemas on the search path, read from the catalogue tables alone. Kysely's
 * own introspector reads every schema of the database and calls `has_schema_privilege(name)` for each: when another
 * process drops a schema during that query (parallel test runs share one database, one schema each), the call fails
 * with "schema … does not exist" and so did the migrations of an unrelated run. Columns report identity columns as
 * auto-incrementing (the migrations use text ids; there are no serial columns).
 */
export class SearchPathIntrospector implements DatabaseIntrospector {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- introspection reads catalogue tables, not ours
  constructor(private readonly db: Kysely<any>) {}

  /** The schemas on the search path. */
  async getSchemas(): Promise<SchemaMetadata[]> {
    const result = await sql<{ name: string }>`select unnest(current_schemas(false)) as name`.execute(
      this.db,
    );
    return result.rows.map((r) => ({ name: r.name }));
  }

  /** The tables and views of the schemas on the search path, with their columns. */
  async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const internal = options.withInternalKyselyTables
      ? sql``
      : sql`and c.relname not in (${DEFAULT_MIGRATION_TABLE}, ${DEFAULT_MIGRATION_LOCK_TABLE})`;
    const result = await sql<ColumnRow>`
      select ns.nspname as schema, c.relname as table, c.relkind as table_type, a.attname as column,
             a.attnotnull as not_null, a.atthasdef as has_default, a.attidentity as identity,
             typ.typname as type, dtns.nspname as type_schema
      from pg_catalog.pg_attribute a
      join pg_catalog.pg_class c on c.oid = a.attrelid
      join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      join pg_catalog.pg_type typ on typ.oid = a.atttypid
      join pg_catalog.pg_namespace dtns on dtns.oid = typ.typnamespace
      where ns.nspname = any (current_schemas(false)) and c.relkind in ('r', 'v', 'p')
        and a.attnum >= 0 and not a.attisdropped ${internal}
      order by ns.nspname, c.relname, a.attnum`.execute(this.db);
    const tables = new Map<string, TableMetadata & { columns: TableMetadata['columns'][number][] }>();
    for (const row of result.rows) {
      const key = `${row.schema}.${row.table}`;
      let table = tables.get(key);
      if (!table) {
        table = { name: row.table, schema: row.schema, isView: row.table_type === 'v', columns: [] };
        tables.set(key, table);
      }
      table.columns.push({
        name: row.column,
        dataType: row.type,
        dataTypeSchema: row.type_schema,
        isNullable: !row.not_null,
        hasDefaultValue: row.has_default,
        isAutoIncrementing: row.identity !== '',
      });
    }
    return [...tables.values()];
  }

  /** @deprecated as in Kysely: use getTables. */
  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}
