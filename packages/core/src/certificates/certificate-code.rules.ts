import { randomInt } from 'node:crypto';

/**
 * The 31 symbols of certificate codes: digits and capitals without I, L, O, U (read as 1, 1, 0, V) and without Z
 * (read as 2). 31 is prime, so a weighted check symbol modulo 31 catches every single wrong symbol and every swap
 * of two symbols.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXY';

const BASE = CODE_ALPHABET.length;
const RANDOM_SYMBOLS = 7;
// What people type for a symbol that is not in the alphabet.
const LOOKALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1', Z: '2', U: 'V' };

/** Why a typed code was refused, before any lookup. */
export type CodeProblem = 'format' | 'checksum';

/** A typed code, checked: the canonical form, or what is wrong with it. */
export type ParsedCode =
  | { readonly ok: true; readonly code: string; readonly prefix: string; readonly year: number }
  | { readonly ok: false; readonly problem: CodeProblem };

/** The symbol that makes the weighted sum of year digits, random symbols and itself 0 modulo 31. */
function checkSymbol(values: readonly number[]): string {
  const sum = values.reduce((total, value, i) => total + (i + 1) * value, 0);
  const weight = values.length + 1;
  for (let c = 0; c < BASE; c += 1) if ((sum + weight * c) % BASE === 0) return CODE_ALPHABET[c] as string;
  throw new Error('unreachable: 31 is prime');
}

function checkPrefixAndYear(prefix: string, year: number): void {
  if (!/^[A-Z]{2,4}$/.test(prefix))
    throw new RangeError(`certificate code prefix must be 2–4 capitals (got "${prefix}")`);
  if (!Number.isInteger(year) || year < 2000 || year > 9999)
    throw new RangeError(`certificate code year must be 2000–9999 (got ${year})`);
}

/**
 * Makes a certificate code `PREFIX-YYYY-XXXX-XXXC`: seven random symbols and a check symbol. `random(n)` gives a
 * whole number in [0, n) (crypto-grade by default).
 */
export function createCertificateCode(
  prefix: string,
  year: number,
  random: (n: number) => number = randomInt,
): string {
  return formatCertificateCode(
    prefix,
    year,
    Array.from({ length: RANDOM_SYMBOLS }, () => random(BASE)),
  );
}

/**
 * The code of given random symbol values (each 0–30); exposed so tests and fixtures can be exact.
 * @example formatCertificateCode('LM', 2026, [7, 19, 3, 23, 9, 29, 22]) // 'LM-2026-7K3Q-9XP2'
 */
export function formatCertificateCode(prefix: string, year: number, values: readonly number[]): string {
  checkPrefixAndYear(prefix, year);
  if (values.length !== RANDOM_SYMBOLS || values.some((v) => !Number.isInteger(v) || v < 0 || v >= BASE))
    throw new RangeError(`formatCertificateCode: need ${RANDOM_SYMBOLS} symbol values in 0…${BASE - 1}`);
  const yearValues = String(year).split('').map(Number);
  const body = values.map((v) => CODE_ALPHABET[v]).join('') + checkSymbol([...yearValues, ...values]);
  return `${prefix}-${year}-${body.slice(0, 4)}-${body.slice(4)}`;
}

/**
 * Reads a code as a person typed it: any case, spaces or dashes anywhere, O/I/L/Z/U read as 0/1/1/2/V. Returns the
 * canonical code, or `format` (not shaped like a code) / `checksum` (a typo: some symbol is wrong or swapped).
 * @example parseCertificateCode(' lm 2026 7k3q-9xp2 ') // { ok: true, code: 'LM-2026-7K3Q-9XP2', prefix: 'LM', year: 2026 }
 * @example parseCertificateCode('LM-2026-7K3Q-9XP3') // { ok: false, problem: 'checksum' }
 */
export function parseCertificateCode(typed: string): ParsedCode {
  const compact = typed.toUpperCase().replace(/[\s\-–—._]/g, '');
  const match = /^([A-Z]{2,4})(\d{4})([0-9A-Z]{8})$/.exec(compact);
  if (!match) return { ok: false, problem: 'format' };
  const [, prefix, yearText, rawBody] = match as unknown as [string, string, string, string];
  const body = rawBody.replace(/[OILZU]/g, (c) => LOOKALIKES[c] as string);
  const values = body.split('').map((c) => CODE_ALPHABET.indexOf(c));
  const yearValues = yearText.split('').map(Number);
  const all = [...yearValues, ...values];
  const total = all.reduce((sum, value, i) => sum + (i + 1) * value, 0);
  if (total % BASE !== 0) return { ok: false, problem: 'checksum' };
  return {
    ok: true,
    code: `${prefix}-${yearText}-${body.slice(0, 4)}-${body.slice(4)}`,
    prefix,
    year: Number(yearText),
  };
}

/**
 * A code that is not taken yet: draws codes until `isTaken` says no (a collision is one in 27 billion per year and
 * prefix). The database's unique index stays the real guard; this only avoids a failed insert.
 */
export async function createUnusedCertificateCode(
  prefix: string,
  year: number,
  isTaken: (code: string) => Promise<boolean>,
  random: (n: number) => number = randomInt,
): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const code = createCertificateCode(prefix, year, random);
    if (!(await isTaken(code))) return code;
  }
  throw new Error('createUnusedCertificateCode: 8 codes in a row were taken; is the random source broken?');
}
