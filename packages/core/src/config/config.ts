import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DatabaseTarget } from '@labmig/db';

/** Log levels, least to most severe; `silent` logs nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Validated configuration of the campus. */
export interface Config {
  readonly database: DatabaseTarget;
  readonly smtpUrl?: string;
  readonly mailFrom: string;
  /** Where people write for help (deactivated accounts are told this address); defaults to MAIL_FROM's address. */
  readonly supportEmail: string;
  /** The public URL of the site (scheme, host, port; no trailing slash): mail links and the CSRF origin check. */
  readonly origin: string;
  readonly port: number;
  readonly host: string;
  readonly contentDir: string;
  /** Folder of the local file storage (uploads, datasets): `FILES_DIR`, default `data/files`. */
  readonly filesDir: string;
  /** Folder of the certificate issuer's signing keys (`ISSUER_KEYS_DIR`, default `data/keys`): back it up, never in the database dump. */
  readonly issuerKeysDir: string;
  /** The name certificates are issued under (`ISSUER_NAME`): the issuer profile of every credential and the PDF. */
  readonly issuerName: string;
  readonly sessionDays: number;
  /** At most this many sign-ups per client address and hour (SIGNUP_LIMIT_PER_HOUR). */
  readonly signUpLimitPerHour: number;
  readonly logLevel: LogLevel;
  /** Threads of the CPU worker pool (`WORKER_THREADS`); unset: cores − 1, at least 1. */
  readonly workerThreads?: number;
}

/** A bad environment variable; the message names it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
  }
}

/**
 * The repository root: the nearest folder at or above `from` whose package.json declares workspaces
 * (so the web server started from apps/web and the CLI started from the root agree); `from` itself if none.
 */
export function findRepoRoot(from: string = process.cwd()): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && /"workspaces"/.test(readFileSync(manifest, 'utf8'))) return dir;
    if (dirname(dir) === dir) return resolve(from);
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/**
 * Reads and validates the environment. Unset values get defaults; a bad value throws ConfigError naming
 * the variable. Relative paths are resolved against the repository root (`root`).
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  root: string = findRepoRoot(),
): Config {
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === '' ? undefined : v;
  };
  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL',
      'must be a postgres:// URL (leave it unset to use SQLite at DATABASE_PATH)',
    );
  }
  const databaseSchema = value('DATABASE_SCHEMA');
  if (databaseSchema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema))
    throw new ConfigError('DATABASE_SCHEMA', 'must be a lower-case PostgreSQL schema name such as labmig');
  const databasePath = resolve(root, value('DATABASE_PATH') ?? 'data/labmig.sqlite');
  const smtpUrl = value('SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\/\S+$/.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL', 'must be an smtp:// or smtps:// URL');
  }
  const mailFrom = value('MAIL_FROM') ?? 'labmig <no-reply@localhost>';
  if (!/@/.test(mailFrom)) throw new ConfigError('MAIL_FROM', 'must contain an email address');
  const supportEmail = value('SUPPORT_EMAIL') ?? addressOf(mailFrom);
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(supportEmail))
    throw new ConfigError('SUPPORT_EMAIL', 'must be an email address such as help@campus.example.org');
  const port = integerIn(value('PORT'), 'PORT', 3000, 1, 65535);
  const host = value('HOST') ?? '127.0.0.1';
  const origin = value('ORIGIN');
  if (origin !== undefined && !isHttpUrl(origin)) {
    throw new ConfigError('ORIGIN', 'must be an http:// or https:// URL such as https://campus.example.org');
  }
  if (origin !== undefined && !isOriginOnly(origin)) {
    throw new ConfigError(
      'ORIGIN',
      'must be the site address only (no path or query), such as https://campus.example.org',
    );
  }
  const contentDir = resolve(root, value('CONTENT_DIR') ?? 'content');
  const filesDir = resolve(root, value('FILES_DIR') ?? 'data/files');
  if (/[\0\n\r]/.test(filesDir)) throw new ConfigError('FILES_DIR', 'must be a folder path on one line');
  if (filesDir === dirname(filesDir))
    throw new ConfigError('FILES_DIR', 'must not be the root folder (/): name a folder for the uploads');
  const issuerKeysDir = resolve(root, value('ISSUER_KEYS_DIR') ?? 'data/keys');
  const issuerName = value('ISSUER_NAME') ?? 'labmig Campus';
  const sessionDays = integerIn(value('SESSION_DAYS'), 'SESSION_DAYS', 30, 1, 365);
  const signUpLimitPerHour = integerIn(
    value('SIGNUP_LIMIT_PER_HOUR'),
    'SIGNUP_LIMIT_PER_HOUR',
    20,
    1,
    100_000,
  );
  const workerThreads = value('WORKER_THREADS');
  const logLevel = (value('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    database: databaseUrl
      ? { kind: 'postgres', url: databaseUrl, ...(databaseSchema ? { schema: databaseSchema } : {}) }
      : { kind: 'sqlite', path: databasePath },
    ...(smtpUrl ? { smtpUrl } : {}),
    mailFrom,
    supportEmail,
    origin: origin ? origin.replace(/\/$/, '') : defaultOrigin(host, port),
    port,
    host,
    contentDir,
    filesDir,
    issuerKeysDir,
    issuerName,
    sessionDays,
    signUpLimitPerHour,
    logLevel,
    ...(workerThreads !== undefined
      ? { workerThreads: integerIn(workerThreads, 'WORKER_THREADS', 1, 1, 64) }
      : {}),
  };
}

/**
 * The address inside a From header (`labmig <no-reply@x.org>` → `no-reply@x.org`).
 * @example addressOf('labmig <help@example.org>') // 'help@example.org'
 */
export function addressOf(from: string): string {
  return (/<([^>]+)>/.exec(from)?.[1] ?? from).trim();
}

/**
 * The origin when ORIGIN is unset: plain http on HOST:PORT, as the README says (the web server would otherwise guess
 * https from the Host header and refuse every form posted over http).
 * @example defaultOrigin('::1', 3000) // 'http://[::1]:3000'
 */
export function defaultOrigin(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function isOriginOnly(text: string): boolean {
  const url = new URL(text);
  return (
    url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === ''
  );
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function integerIn(
  text: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text))
    throw new ConfigError(name, `must be a whole number between ${min} and ${max} (got "${text}")`);
  const n = Number(text);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max} (got ${n})`);
  return n;
}
