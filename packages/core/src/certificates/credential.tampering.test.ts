import { beforeAll, describe, expect, it } from 'vitest';
import type { VerificationResult } from './credential.verify.ts';
import { buildIssueInput, buildTestIssuer } from './test-factories.ts';

type Json = Record<string, unknown>;
type Path = (string | number)[];

/** Every leaf (string, number, boolean) of a JSON value, with its path. */
function leaves(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [path];
}

/** Every object member and array element, with its path (for deletions). */
function members(value: unknown, path: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : Object.entries(value);
  return entries.flatMap(([key, item]) => [[...path, key], ...members(item, [...path, key])]);
}

/** Every object (for additions). */
function objects(value: unknown, path: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const own = Array.isArray(value) ? [] : [path];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : Object.entries(value);
  return [...own, ...entries.flatMap(([key, item]) => objects(item, [...path, key]))];
}

function at(root: unknown, path: Path): { parent: Json | unknown[]; key: string | number } {
  let parent = root as Json;
  for (const key of path.slice(0, -1)) parent = (parent as Json)[key as string] as Json;
  return { parent, key: path[path.length - 1] as string | number };
}

/** A small, plausible change that keeps the value's kind: a date moves by a second, a digit or a letter changes. */
function changed(value: unknown): unknown {
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'number') return value + 1;
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(text))
    return new Date(Date.parse(text) + 1000).toISOString().replace('.000Z', 'Z');
  if (/^\d{4}-\d{2}-\d{2}$/.test(text))
    return new Date(Date.parse(text) + 86_400_000).toISOString().slice(0, 10);
  const i = text.search(/[0-9A-Za-z](?=[^0-9A-Za-z]*$)/);
  if (i < 0) return `${text}x`;
  const c = text[i] as string;
  const replacement = /\d/.test(c) ? String((Number(c) + 1) % 10) : c.toLowerCase() === 'a' ? 'b' : 'a';
  const cased = c === c.toUpperCase() && /[A-Z]/.test(c) ? replacement.toUpperCase() : replacement;
  return text.slice(0, i) + cased + text.slice(i + 1);
}

const label = (path: Path) =>
  path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('') || '(root)';

describe('tampering with a signed credential', () => {
  const { issuer } = buildTestIssuer();
  let original: Json;
  let statusList: string;
  const verify = (credential: Json): Promise<VerificationResult> => issuer.verify(credential, [statusList]);

  beforeAll(async () => {
    original = JSON.parse((await issuer.issue(buildIssueInput())).json) as Json;
    statusList = (await issuer.signStatusList(1, [])).json;
  });

  it('leaves the untouched credential valid, also when re-indented', async () => {
    expect(await verify(original)).toMatchObject({ verified: true, revocation: 'active' });
    expect(await issuer.verify(JSON.stringify(original, null, 4), [statusList])).toMatchObject({
      verified: true,
    });
  });

  it('is detected, with a reason, for a change to any single leaf', async () => {
    const paths = leaves(original);
    expect(paths.length).toBeGreaterThan(40);
    const undetected: string[] = [];
    for (const path of paths) {
      const copy = structuredClone(original);
      const { parent, key } = at(copy, path);
      const before = (parent as Json)[key as string];
      (parent as Json)[key as string] = changed(before);
      expect((parent as Json)[key as string], label(path)).not.toEqual(before);
      const result = await verify(copy);
      if (result.verified || result.reason.length < 20) undetected.push(`${label(path)} → ${result.code}`);
    }
    expect(undetected).toEqual([]);
  });

  it('is detected when any member or array element is removed', async () => {
    const undetected: string[] = [];
    for (const path of members(original)) {
      const copy = structuredClone(original);
      const { parent, key } = at(copy, path);
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Json)[key as string];
      const result = await verify(copy);
      if (result.verified) undetected.push(label(path));
    }
    expect(undetected).toEqual([]);
  });

  it('is detected when a property is added to any object, defined by the contexts or not', async () => {
    const undetected: string[] = [];
    for (const path of objects(original)) {
      for (const [property, code] of [
        ['description', undefined],
        ['honours', 'undefined-term'],
      ] as const) {
        const copy = structuredClone(original);
        const target = path.reduce<Json>((node, key) => node[key as string] as Json, copy);
        target[property] = 'with distinction';
        const result = await verify(copy);
        if (result.verified || (code && path.length > 0 && path[0] !== 'proof' && result.code !== code))
          undetected.push(`${label(path)}.${property} → ${result.code}`);
      }
    }
    expect(undetected).toEqual([]);
  });

  it('names the @context problem when the contexts are swapped or replaced', async () => {
    const swapped = { ...original, '@context': [...(original['@context'] as string[])].reverse() };
    expect(await verify(swapped)).toMatchObject({ verified: false, code: 'context' });
    const older = {
      ...original,
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
      ],
    };
    const result = await verify(older);
    expect(result).toMatchObject({ verified: false, code: 'context' });
    expect(result.reason).toContain('context-3.0.3.json');
  });

  it('names the signature as the reason when the learner name is changed', async () => {
    const copy = structuredClone(original);
    (copy.credentialSubject as Json).name = 'Tomas Nunez';
    expect(await verify(copy)).toEqual({
      verified: false,
      code: 'signature',
      reason: 'The signature does not match the content: the credential was changed after it was signed.',
      revocation: null,
    });
  });

  it('names the key when the proof points to a key the issuer does not have', async () => {
    const copy = structuredClone(original);
    (copy.proof as Json).verificationMethod = `${issuer.did}#key-9`;
    expect(await verify(copy)).toMatchObject({ verified: false, code: 'key' });
  });
});
