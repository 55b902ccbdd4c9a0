/** A deterministic source of numbers in [0, 1). */
export type RandomSource = () => number;

/** 32-bit FNV-1a hash of a string (UTF-16 code units), used to turn ids into a seed. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A seeded pseudo-random generator (Mulberry32) keyed by one or more strings, e.g. (attempt id, question id).
 * The same keys always give the same sequence; any change of key gives an unrelated one. Not for cryptography.
 * @example const r = createSeededRandom('attempt-1', 'q-7'); r() === createSeededRandom('attempt-1', 'q-7')() // → true
 */
export function createSeededRandom(...keys: readonly string[]): RandomSource {
  // A unit separator keeps ('ab', 'c') and ('a', 'bc') apart.
  let state = hashString(keys.join('\u001f'));
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniformly random integer in [0, n). */
export function randomIndex(random: RandomSource, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}

/**
 * A shuffled copy of `items` (Fisher–Yates with the given random source); the input is not changed.
 * @example shuffleWith(createSeededRandom('x'), [1, 2, 3]).length // → 3
 */
export function shuffleWith<T>(random: RandomSource, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
