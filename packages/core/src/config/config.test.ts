import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const ROOT = '/srv/labmig';

describe('loadConfig', () => {
  it('uses SQLite under the repository root with safe defaults when nothing is set', () => {
    expect(loadConfig({}, ROOT)).toEqual({
      database: { kind: 'sqlite', path: '/srv/labmig/data/labmig.sqlite' },
      mailFrom: 'labmig <no-reply@localhost>',
      supportEmail: 'no-reply@localhost',
      origin: 'http://127.0.0.1:3000',
      port: 3000,
      host: '127.0.0.1',
      contentDir: '/srv/labmig/content',
      filesDir: '/srv/labmig/data/files',
      issuerKeysDir: '/srv/labmig/data/keys',
      issuerName: 'labmig Campus',
      sessionDays: 30,
      signUpLimitPerHour: 20,
      logLevel: 'info',
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        DATABASE_URL: 'postgres://u:p@db:5432/labmig',
        DATABASE_SCHEMA: 'campus',
        SMTP_URL: 'smtp://mail:25',
        MAIL_FROM: 'Campus <campus@example.org>',
        SUPPORT_EMAIL: 'help@example.org',
        ORIGIN: 'https://campus.example.org/',
        PORT: '8080',
        HOST: '0.0.0.0',
        CONTENT_DIR: '/content',
        FILES_DIR: 'uploads',
        ISSUER_KEYS_DIR: '/secrets/keys',
        ISSUER_NAME: 'International Training Centre of the ILO',
        WORKER_THREADS: '3',
        SESSION_DAYS: '7',
        SIGNUP_LIMIT_PER_HOUR: '200',
        LOG_LEVEL: 'debug',
      },
      ROOT,
    );
    expect(config).toMatchObject({
      database: { kind: 'postgres', url: 'postgres://u:p@db:5432/labmig', schema: 'campus' },
      smtpUrl: 'smtp://mail:25',
      supportEmail: 'help@example.org',
      origin: 'https://campus.example.org',
      port: 8080,
      host: '0.0.0.0',
      contentDir: '/content',
      filesDir: '/srv/labmig/uploads',
      issuerKeysDir: '/secrets/keys',
      issuerName: 'International Training Centre of the ILO',
      workerThreads: 3,
      sessionDays: 7,
      signUpLimitPerHour: 200,
      logLevel: 'debug',
    });
  });

  it('takes the origin from HOST and PORT when ORIGIN is unset, as the README says (http, never https)', () => {
    expect(loadConfig({ HOST: 'campus.lan', PORT: '8080' }, ROOT).origin).toBe('http://campus.lan:8080');
    expect(loadConfig({ HOST: '::1' }, ROOT).origin).toBe('http://[::1]:3000');
    expect(loadConfig({ ORIGIN: 'http://campus.lan:8080/', HOST: '0.0.0.0' }, ROOT).origin).toBe(
      'http://campus.lan:8080',
    );
  });

  it.each([
    ['ORIGIN', 'https://campus.example.org/labmig'],
    ['ORIGIN', 'https://campus.example.org/?x=1'],
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['SMTP_URL', 'http://mail'],
    ['ORIGIN', 'campus.example.org'],
    ['SESSION_DAYS', '0'],
    ['SIGNUP_LIMIT_PER_HOUR', '0'],
    ['LOG_LEVEL', 'loud'],
    ['MAIL_FROM', 'nobody'],
    ['FILES_DIR', '/'],
    ['WORKER_THREADS', '0'],
    ['DATABASE_SCHEMA', 'Campus; drop table users'],
    ['SUPPORT_EMAIL', 'help desk'],
  ])('names %s when its value %j is bad', (name, value) => {
    const attempt = () => loadConfig({ [name]: value }, ROOT);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^Invalid configuration: ${name} `));
  });
});
