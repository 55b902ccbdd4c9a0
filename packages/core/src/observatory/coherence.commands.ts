import {
  deleteCoherenceObjective,
  deleteCoherenceScore,
  findCoherenceCase,
  insertCoherenceCase,
  insertCoherenceObjective,
  listCoherenceCases as listCaseRows,
  listCoherenceObjectives,
  listCoherenceScores,
  newId,
  touchCoherenceCase,
  upsertCoherenceScore,
  type CoherenceCaseRow,
} from '@labmig/db';
import type { Actor, UserActor } from '../access/actor.ts';
import { assertCan, can } from '../access/can.ts';
import { ownedBy, ownedByGroup } from '../access/membership.ts';
import type { App } from '../app/app.ts';
import { ConflictError, DomainValidationError, NotFoundError } from '../errors/domain-errors.ts';
import {
  codeObjectives,
  matrixPairs,
  matrixSummary,
  pairKey,
  type MatrixPair,
  type Objective,
} from './coherence.rules.ts';
import {
  addObjectiveSchema,
  COHERENCE_AREAS,
  COHERENCE_LIMITS,
  COHERENCE_SCORES,
  createCoherenceCaseSchema,
  scorePairSchema,
  type AddObjectiveInput,
  type CreateCoherenceCaseInput,
  type ScorePairInput,
} from './coherence.schema.ts';
import {
  loadObservatoryContext,
  ownerKeyOf,
  ownerOfRow,
  type ObservatoryContext,
} from './observatory-context.ts';
import { referenceDataOf } from './reference-data.cache.ts';

/** A coherence assessment as the list shows it. */
export interface CoherenceCaseSummary {
  readonly id: string;
  readonly title: string;
  readonly country: string;
  readonly owner: { readonly kind: 'user' | 'group'; readonly name: string };
  readonly updatedAt: string;
}

/** An assessment with its objectives, its matrix and whether the asker may change it. */
export interface CoherenceCaseDetail extends CoherenceCaseSummary {
  readonly objectives: readonly Objective[];
  readonly pairs: readonly MatrixPair[];
  readonly summary: ReturnType<typeof matrixSummary>;
  readonly mayWrite: boolean;
}

const access = (ctx: ObservatoryContext, row: CoherenceCaseRow) => {
  const owner = ownerOfRow(row);
  return owner.kind === 'user'
    ? {
        read: can(ctx.actor, 'coherence.read', ownedBy(ctx.access, owner.userId)),
        write: can(ctx.actor, 'coherence.write', ownedBy(ctx.access, owner.userId)),
      }
    : {
        read: can(ctx.actor, 'coherence.group-read', ownedByGroup(ctx.access, ctx.groups, owner.groupId)),
        write: can(ctx.actor, 'coherence.group-write', ownedByGroup(ctx.access, ctx.groups, owner.groupId)),
      };
};

const summaryOf = (row: CoherenceCaseRow): CoherenceCaseSummary => ({
  id: row.id,
  title: row.title,
  country: row.country,
  owner:
    row.group_id !== null
      ? { kind: 'group', name: row.group_name ?? '' }
      : { kind: 'user', name: row.user_name ?? '' },
  updatedAt: row.updated_at,
});

function invalid(issues: readonly { path: readonly PropertyKey[] }[]): DomainValidationError {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[String(issue.path[0] ?? 'form')] = 'validation.invalid';
  return new DomainValidationError(fields);
}

/** What the list page needs: the assessments the asker may read, and whether they may start one (alone, for a group). */
export interface CoherenceList {
  readonly cases: readonly CoherenceCaseSummary[];
  readonly mayCreate: boolean;
  readonly mayCreateForGroup: boolean;
}

/**
 * The coherence assessments of a cohort the asker may read: their own and their group's (learners), all (staff).
 * @throws NotFoundError `cohort.not_found` (also to outsiders), ForbiddenError, UnauthenticatedError.
 */
export async function listCoherenceCases(app: App, actor: Actor, cohortId: string): Promise<CoherenceList> {
  const ctx = await loadObservatoryContext(app, actor, cohortId);
  assertCan(actor, 'coherence.list', ctx.access, { hidden: 'cohort.not_found' });
  const rows = await listCaseRows(app.db, ctx.cohort.id);
  return {
    cases: rows.filter((r) => access(ctx, r).read).map(summaryOf),
    mayCreate: can(actor, 'coherence.write', ownedBy(ctx.access, actor.userId)),
    mayCreateForGroup:
      !!ctx.groups?.memberOf &&
      can(actor, 'coherence.group-write', ownedByGroup(ctx.access, ctx.groups, ctx.groups.memberOf)),
  };
}

/**
 * Starts an assessment owned by the actor or by the actor's group.
 * @throws DomainValidationError, ConflictError `coherence.no_group`, ForbiddenError, NotFoundError.
 */
export async function createCoherenceCase(
  app: App,
  actor: Actor,
  cohortId: string,
  input: CreateCoherenceCaseInput,
): Promise<{ readonly id: string }> {
  const ctx = await loadObservatoryContext(app, actor, cohortId);
  assertCan(actor, 'coherence.list', ctx.access, { hidden: 'cohort.not_found' });
  const parsed = createCoherenceCaseSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues);
  if (!referenceDataOf(app.config.contentDir).countries.some((c) => c.alpha3 === parsed.data.country))
    throw new DomainValidationError(
      { country: 'observatory.country_unknown' },
      'observatory.country_unknown',
    );
  const user = actor as UserActor;
  let owner: { kind: 'user'; userId: string } | { kind: 'group'; groupId: string };
  if (parsed.data.owner === 'group') {
    if (!ctx.groups?.memberOf) throw new ConflictError('coherence.no_group');
    owner = { kind: 'group', groupId: ctx.groups.memberOf };
    assertCan(actor, 'coherence.group-write', ownedByGroup(ctx.access, ctx.groups, owner.groupId));
  } else {
    owner = { kind: 'user', userId: user.userId };
    assertCan(actor, 'coherence.write', ownedBy(ctx.access, owner.userId));
  }
  const id = newId();
  const now = app.clock.now().toISOString();
  await insertCoherenceCase(app.db, {
    id,
    cohort_id: ctx.cohort.id,
    owner_key: ownerKeyOf(owner),
    user_id: owner.kind === 'user' ? owner.userId : null,
    group_id: owner.kind === 'group' ? owner.groupId : null,
    title: parsed.data.title,
    country: parsed.data.country,
    created_by: user.userId,
    created_at: now,
    updated_at: now,
  });
  return { id };
}

/** Loads a case the asker may read (anything else is "not found"). */
async function loadCase(app: App, actor: Actor, cohortId: string, caseId: string) {
  const ctx = await loadObservatoryContext(app, actor, cohortId);
  assertCan(actor, 'coherence.list', ctx.access, { hidden: 'cohort.not_found' });
  const row = await findCoherenceCase(app.db, ctx.cohort.id, caseId);
  if (!row) throw new NotFoundError('coherence.case_not_found');
  const rights = access(ctx, row);
  if (!rights.read) throw new NotFoundError('coherence.case_not_found');
  return { ctx, row, rights };
}

/** Loads a case the asker may change. */
async function loadWritable(app: App, actor: Actor, cohortId: string, caseId: string) {
  const found = await loadCase(app, actor, cohortId, caseId);
  const owner = ownerOfRow(found.row);
  if (owner.kind === 'user') assertCan(actor, 'coherence.write', ownedBy(found.ctx.access, owner.userId));
  else
    assertCan(
      actor,
      'coherence.group-write',
      ownedByGroup(found.ctx.access, found.ctx.groups, owner.groupId),
    );
  return { ...found, user: actor as UserActor };
}

/**
 * An assessment with its coded objectives (E1…, T1…, M1…), every pair across two policies with its score or a gap,
 * and the counts.
 * @throws NotFoundError `coherence.case_not_found` (also for someone else's), `cohort.not_found`.
 */
export async function getCoherenceCase(
  app: App,
  actor: Actor,
  cohortId: string,
  caseId: string,
): Promise<CoherenceCaseDetail> {
  const { row, rights } = await loadCase(app, actor, cohortId, caseId);
  const objectives = codeObjectives(await listCoherenceObjectives(app.db, row.id));
  const scores = (await listCoherenceScores(app.db, row.id)).map((s) => ({
    firstId: s.first_id,
    secondId: s.second_id,
    score: Math.sign(s.score) as -1 | 0 | 1,
    evidence: s.evidence,
  }));
  const pairs = matrixPairs(objectives, scores);
  return { ...summaryOf(row), objectives, pairs, summary: matrixSummary(pairs), mayWrite: rights.write };
}

/**
 * Adds an objective to one of the three policies of an assessment (at most 15 per policy).
 * @throws DomainValidationError, ConflictError `coherence.too_many_objectives`, ForbiddenError, NotFoundError.
 */
export async function addCoherenceObjective(
  app: App,
  actor: Actor,
  cohortId: string,
  caseId: string,
  input: AddObjectiveInput,
): Promise<{ readonly id: string }> {
  const parsed = addObjectiveSchema.safeParse(input);
  const { row } = await loadWritable(app, actor, cohortId, caseId);
  if (!parsed.success) throw invalid(parsed.error.issues);
  return app.db.transaction().execute(async (trx) => {
    const existing = await listCoherenceObjectives(trx, row.id);
    const mine = existing.filter((o) => o.area === parsed.data.area);
    if (mine.length >= COHERENCE_LIMITS.objectivesPerArea)
      throw new ConflictError('coherence.too_many_objectives');
    const id = newId();
    const now = app.clock.now().toISOString();
    await insertCoherenceObjective(trx, {
      id,
      case_id: row.id,
      area: parsed.data.area,
      position: Math.max(0, ...existing.map((o) => o.position)) + 1,
      text: parsed.data.text,
      created_at: now,
    });
    await touchCoherenceCase(trx, row.id, now);
    return { id };
  });
}

/** Removes an objective and its scores. @throws NotFoundError `coherence.objective_not_found`, ForbiddenError. */
export async function removeCoherenceObjective(
  app: App,
  actor: Actor,
  cohortId: string,
  caseId: string,
  objectiveId: string,
): Promise<void> {
  const { row } = await loadWritable(app, actor, cohortId, caseId);
  await app.db.transaction().execute(async (trx) => {
    const existing = await listCoherenceObjectives(trx, row.id);
    if (!existing.some((o) => o.id === objectiveId)) throw new NotFoundError('coherence.objective_not_found');
    await deleteCoherenceObjective(trx, row.id, objectiveId);
    await touchCoherenceCase(trx, row.id, app.clock.now().toISOString());
  });
}

/**
 * Scores a pair of objectives from two different policies: conflict, neutral or synergy with its evidence (required
 * for a conflict or a synergy), or `none` to make it a gap again.
 * @throws DomainValidationError (`coherence.same_objective`, `coherence.same_area`, `coherence.evidence_required`),
 *   NotFoundError `coherence.objective_not_found`, ForbiddenError.
 */
export async function scoreCoherencePair(
  app: App,
  actor: Actor,
  cohortId: string,
  caseId: string,
  input: ScorePairInput,
): Promise<void> {
  const { row, user } = await loadWritable(app, actor, cohortId, caseId);
  const parsed = scorePairSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const { first, second, score, evidence } = parsed.data;
  if (first === second)
    throw new DomainValidationError({ second: 'coherence.same_objective' }, 'coherence.same_objective');
  if (score !== 'none' && score !== 'neutral' && evidence === '')
    throw new DomainValidationError(
      { evidence: 'coherence.evidence_required' },
      'coherence.evidence_required',
    );
  await app.db.transaction().execute(async (trx) => {
    const objectives = await listCoherenceObjectives(trx, row.id);
    const a = objectives.find((o) => o.id === first);
    const b = objectives.find((o) => o.id === second);
    if (!a || !b) throw new NotFoundError('coherence.objective_not_found');
    if (a.area === b.area)
      throw new DomainValidationError({ second: 'coherence.same_area' }, 'coherence.same_area');
    const [x, y] = pairKey(a.id, b.id);
    const now = app.clock.now().toISOString();
    if (score === 'none') await deleteCoherenceScore(trx, row.id, x, y);
    else
      await upsertCoherenceScore(trx, {
        case_id: row.id,
        first_id: x,
        second_id: y,
        score: COHERENCE_SCORES[score],
        evidence,
        scored_by: user.userId,
        scored_at: now,
      });
    await touchCoherenceCase(trx, row.id, now);
  });
}

export { COHERENCE_AREAS };
