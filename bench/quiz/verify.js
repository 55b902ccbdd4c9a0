// The lost-answer check: after the run, every answer a learner saved (the server accepted the POST) must be in the
// database as posted. Reads the rows through packages/db directly (not through core's attempt commands, the code
// under test) and turns each stored response back into the form values of the presented question on its own:
// option ids are display positions, so an authored choice index maps back through the slot's frozen choice order.

/**
 * The form entries a stored response stands for, as a comparable key (sorted "name=value" lines).
 * @param {number} slot
 * @param {{ type: string, choices?: number[], value?: string | number | boolean, text?: string, pairs?: Record<string, string> }} response
 * @param {{ choiceOrder?: number[] }} layoutSlot
 */
function storedKey(slot, response, layoutSlot) {
  const name = `slot-${slot}`;
  switch (response.type) {
    case 'multichoice':
      return keyOf(
        response.choices.map((c) => [
          name,
          String(layoutSlot.choiceOrder ? layoutSlot.choiceOrder.indexOf(c) : c),
        ]),
      );
    case 'truefalse':
      return keyOf([[name, response.value ? 'true' : 'false']]);
    case 'matching':
      return keyOf(Object.entries(response.pairs).map(([k, v]) => [`${name}-p${k}`, v]));
    case 'shortanswer':
    case 'essay':
      return keyOf([[name, response.text]]);
    default:
      return keyOf([[name, String(response.value)]]);
  }
}

/** @param {[string, string][]} entries */
const keyOf = (entries) =>
  entries
    .map(([k, v]) => `${k}=${v.trim()}`)
    .sort()
    .join('\n');

/**
 * Compares every saved answer with the database.
 * @param {string} databasePath
 * @param {import('./learner.js').LearnerRun[]} runs
 * @returns {Promise<{ answers_saved: number, answers_found: number, lost_answers: number, attempts: number, submitted_in_db: number, submitted_by_client: number, examples: string[] }>}
 */
export async function checkSavedAnswers(databasePath, runs) {
  const dbm = await import('@labmig/db');
  const db = dbm.openDatabase({ kind: 'sqlite', path: databasePath });
  try {
    let saved = 0;
    let found = 0;
    let attempts = 0;
    let submittedInDb = 0;
    let submittedByClient = 0;
    const examples = [];
    for (const run of runs) {
      if (!run.attemptId) continue;
      attempts++;
      if (run.samples.some((s) => s.step === 'submit' && !s.error)) submittedByClient++;
      const attempt = await dbm.findAttemptById(db, run.attemptId);
      if (attempt?.state === 'submitted') submittedInDb++;
      const layout = attempt ? JSON.parse(attempt.layout) : { slots: [] };
      const rows = new Map((await dbm.listAnswers(db, run.attemptId)).map((r) => [r.slot, r]));
      for (const [slot, entries] of run.saved) {
        saved++;
        const row = rows.get(slot);
        const stored = row?.response
          ? storedKey(slot, JSON.parse(row.response), layout.slots[slot] ?? {})
          : '';
        if (stored === keyOf(entries)) found++;
        else if (examples.length < 5)
          examples.push(
            `attempt ${run.attemptId} slot ${slot}: posted ${keyOf(entries)} | stored ${stored || '(nothing)'}`,
          );
      }
    }
    return {
      answers_saved: saved,
      answers_found: found,
      lost_answers: saved - found,
      attempts,
      submitted_in_db: submittedInDb,
      submitted_by_client: submittedByClient,
      examples,
    };
  } finally {
    await db.destroy();
  }
}
