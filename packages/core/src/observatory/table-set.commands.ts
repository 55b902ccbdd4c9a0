import {
  findTableSet,
  insertTableSet,
  listTableSetSummaries,
  listTableSets as listTableSetRows,
  newId,
  withdrawTableSetRow,
  type TableSetRow,
} from '@labmig/db';
import { assertCan, can } from '../access/can.ts';
import { ownedBy, ownedByGroup } from '../access/membership.ts';
import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import { ConflictError, DomainValidationError, NotFoundError } from '../errors/domain-errors.ts';
import { parseStoredJson } from '../shared/stored-json.ts';
import {
  loadObservatoryContext,
  ownerKeyOf,
  ownerOfRow,
  type ObservatoryContext,
  type Owner,
} from './observatory-context.ts';
import { referenceDataOf } from './reference-data.cache.ts';
import {
  storedTablesSchema,
  TABLE_SET_LIMITS,
  tableSetMetaSchema,
  tidyTablesSchema,
  type TableSetMetaInput,
  type TidyTable,
} from './table-set.schema.ts';

/** A table set to publish: its metadata and the tables in the engine's tidy JSON. */
export interface TableSetInput extends TableSetMetaInput {
  readonly tables: readonly unknown[];
}

/** A published table set as pages show it (without its tables). */
export interface TableSetSummary {
  readonly id: string;
  readonly title: string;
  readonly country: string;
  readonly source: string;
  readonly referenceYear: number;
  readonly notes: string;
  readonly publishedAt: string;
  readonly owner: { readonly kind: 'user' | 'group'; readonly name: string };
  /** Whether the asker may withdraw it. */
  readonly mayWithdraw: boolean;
}

/** A table set with its tables. */
export interface TableSetDetail extends TableSetSummary {
  readonly tables: readonly TidyTable[];
}

/**
 * Reads the tables a page posted: the engine's tidy JSON document (`{ meta, tables }`) or its `tables` array.
 * @throws DomainValidationError `observatory.tables_invalid` (field `tables`) for anything else.
 */
export function parseTablesJson(text: string): TidyTable[] {
  const invalid = () =>
    new DomainValidationError({ tables: 'observatory.tables_invalid' }, 'observatory.tables_invalid');
  if (text.length === 0 || text.length > TABLE_SET_LIMITS.tablesCharsMax) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid();
  }
  const tables =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as { tables?: unknown }).tables
      : value;
  const parsed = tidyTablesSchema.safeParse(tables);
  if (!parsed.success) throw invalid();
  return parsed.data;
}

const resourceOf = (ctx: ObservatoryContext, owner: Owner) =>
  owner.kind === 'user'
    ? ({ action: 'user', resource: ownedBy(ctx.access, owner.userId) } as const)
    : ({ action: 'group', resource: ownedByGroup(ctx.access, ctx.groups, owner.groupId) } as const);

const mayWithdraw = (ctx: ObservatoryContext, row: { user_id: string | null; group_id: string | null }) => {
  const r = resourceOf(ctx, ownerOfRow(row));
  return r.action === 'user'
    ? can(ctx.actor, 'observatory.withdraw', r.resource)
    : can(ctx.actor, 'observatory.group-withdraw', r.resource);
};

/**
 * Publishes a country table set in a cohort's observatory, owned by the actor or by the actor's group
 * (`owner: 'group'`). Only active learners publish (`observatory.publish` / `observatory.group-publish`).
 * @throws DomainValidationError (fields of the form; `observatory.country_unknown`, `observatory.tables_invalid`),
 *   ConflictError `observatory.no_group`, ForbiddenError, NotFoundError `cohort.not_found`.
 */
export async function publishTableSet(
  app: App,
  actor: Actor,
  cohortId: string,
  tableSet: TableSetInput,
): Promise<{ readonly id: string }> {
  const ctx = await loadObservatoryContext(app, actor, cohortId);
  assertCan(actor, 'observatory.read', ctx.access, { hidden: 'cohort.not_found' });
  const meta = tableSetMetaSchema.safeParse(tableSet);
  if (!meta.success) {
    const fields: Record<string, string> = {};
    for (const issue of meta.error.issues) fields[String(issue.path[0] ?? 'form')] = 'validation.invalid';
    throw new DomainValidationError(fields);
  }
  const tables = tidyTablesSchema.safeParse(tableSet.tables);
  if (!tables.success)
    throw new DomainValidationError({ tables: 'observatory.tables_invalid' }, 'observatory.tables_invalid');
  const known = referenceDataOf(app.config.contentDir).countries.some((c) => c.alpha3 === meta.data.country);
  if (!known)
    throw new DomainValidationError(
      { country: 'observatory.country_unknown' },
      'observatory.country_unknown',
    );
  let owner: Owner;
  if (meta.data.owner === 'group') {
    if (!ctx.groups?.memberOf) throw new ConflictError('observatory.no_group');
    owner = { kind: 'group', groupId: ctx.groups.memberOf };
    assertCan(actor, 'observatory.group-publish', ownedByGroup(ctx.access, ctx.groups, owner.groupId));
  } else {
    owner = { kind: 'user', userId: actor.kind === 'user' ? actor.userId : '' };
    assertCan(actor, 'observatory.publish', ownedBy(ctx.access, owner.userId));
  }
  const id = newId();
  await insertTableSet(app.db, {
    id,
    cohort_id: ctx.cohort.id,
    owner_key: ownerKeyOf(owner),
    user_id: owner.kind === 'user' ? owner.userId : null,
    group_id: owner.kind === 'group' ? owner.groupId : null,
    title: meta.data.title,
    country: meta.data.country,
    source: meta.data.source,
    reference_year: meta.data.referenceYear,
    notes: meta.data.notes,
    tables: JSON.stringify(tables.data),
    published_by: actor.userId,
    published_at: app.clock.now().toISOString(),
    withdrawn_at: null,
    withdrawn_by: null,
  });
  return { id };
}

/**
 * Withdraws a published table set: it leaves the observatory (kept in the database). Its owner, a member of its
 * group or the cohort's staff may.
 * @throws NotFoundError `observatory.set_not_found` (also for a set the asker may not withdraw and cannot see),
 *   ForbiddenError, ConflictError `observatory.already_withdrawn`.
 */
export async function withdrawTableSet(
  app: App,
  actor: Actor,
  cohortId: string,
  setId: string,
): Promise<void> {
  const ctx = await loadObservatoryContext(app, actor, cohortId);
  assertCan(actor, 'observatory.read', ctx.access, { hidden: 'cohort.not_found' });
  const row = await findTableSet(app.db, ctx.cohort.id, setId);
  if (!row) throw new NotFoundError('observatory.set_not_found');
  const r = resourceOf(ctx, ownerOfRow(row));
  if (r.action === 'user') assertCan(actor, 'observatory.withdraw', r.resource);
  else assertCan(actor, 'observatory.group-withdraw', r.resource);
  const done = await withdrawTableSetRow(app.db, row.id, actor.userId, app.clock.now().toISOString());
  if (!done) throw new ConflictError('observatory.already_withdrawn');
}

const summaryOf = (
  ctx: ObservatoryContext,
  row: Omit<TableSetRow, 'tables'> & { user_name?: string | null; group_name?: string | null },
): TableSetSummary => ({
  id: row.id,
  title: row.title,
  country: row.country,
  source: row.source,
  referenceYear: row.reference_year,
  notes: row.notes,
  publishedAt: row.published_at,
  owner:
    row.group_id !== null
      ? { kind: 'group', name: row.group_name ?? '' }
      : { kind: 'user', name: row.user_name ?? '' },
  mayWithdraw: mayWithdraw(ctx, row),
});

/** What the cohort observatory pages show: the published sets, and whether the asker may publish. */
export interface CohortObservatory {
  readonly cohortId: string;
  readonly cohortTitle: string;
  readonly sets: readonly TableSetSummary[];
  /** Whether the asker may publish as themselves, and for their group. */
  readonly mayPublish: boolean;
  readonly mayPublishForGroup: boolean;
}

function publishRights(ctx: ObservatoryContext) {
  const self = actorId(ctx.actor);
  return {
    mayPublish: self !== null && can(ctx.actor, 'observatory.publish', ownedBy(ctx.access, self)),
    mayPublishForGroup:
      !!ctx.groups?.memberOf &&
      can(ctx.actor, 'observatory.group-publish', ownedByGroup(ctx.access, ctx.groups, ctx.groups.memberOf)),
  };
}

const actorId = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

/**
 * The table sets published in a cohort (not withdrawn), newest first, without their tables.
 * @throws NotFoundError `cohort.not_found` (also to outsiders), ForbiddenError, UnauthenticatedError.
 */
export async function listTableSets(app: App, actor: Actor, cohortId: string): Promise<CohortObservatory> {
  const ctx = await loadObservatoryContext(app, actor, cohortId);
  assertCan(actor, 'observatory.read', ctx.access, { hidden: 'cohort.not_found' });
  const rows = await listTableSetSummaries(app.db, ctx.cohort.id);
  return {
    cohortId: ctx.cohort.id,
    cohortTitle: ctx.cohort.title,
    sets: rows.map((r) => summaryOf(ctx, r)),
    ...publishRights(ctx),
  };
}

/**
 * The table sets of a cohort with their tables (for comparisons, the atlas and SDG 10.7.1).
 * @throws NotFoundError `cohort.not_found`, ForbiddenError, UnauthenticatedError.
 */
export async function listTableSetsWithTables(
  app: App,
  actor: Actor,
  cohortId: string,
): Promise<CohortObservatory & { readonly details: readonly TableSetDetail[] }> {
  const ctx = await loadObservatoryContext(app, actor, cohortId);
  assertCan(actor, 'observatory.read', ctx.access, { hidden: 'cohort.not_found' });
  const rows = await listTableSetRows(app.db, ctx.cohort.id);
  const names = new Map((await listTableSetSummaries(app.db, ctx.cohort.id)).map((r) => [r.id, r] as const));
  const details = rows.map((r) => ({
    ...summaryOf(ctx, {
      ...r,
      user_name: names.get(r.id)?.user_name,
      group_name: names.get(r.id)?.group_name,
    }),
    tables: parseStoredJson(storedTablesSchema, r.tables, 'observatory table set'),
  }));
  return {
    cohortId: ctx.cohort.id,
    cohortTitle: ctx.cohort.title,
    sets: details.map(({ tables: _t, ...s }) => s),
    details,
    ...publishRights(ctx),
  };
}

/**
 * One published table set of a cohort with its tables; a withdrawn set is not found.
 * @throws NotFoundError `observatory.set_not_found` / `cohort.not_found`, ForbiddenError, UnauthenticatedError.
 */
export async function getTableSet(
  app: App,
  actor: Actor,
  cohortId: string,
  setId: string,
): Promise<TableSetDetail> {
  const all = await listTableSetsWithTables(app, actor, cohortId);
  const found = all.details.find((d) => d.id === setId);
  if (!found) throw new NotFoundError('observatory.set_not_found');
  return found;
}
