import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const ROOT = '/srv/labmig';

describe('loadConfig', () => {
  it('uses SQLite under the repository root with safe defaults when nothing is set', () => {
    expect(loadConfig({}, ROOT)).toEqual({
      database: { kind: 'sqlite', path: '/srv/labmig/data/labmig.sqlite' },
      mailFrom: 'labmig <no-reply@localhost>',
      supportEmail: 'no-reply@localhost',
      port: 3000,
      host: '127.0.0.1',
      contentDir: '/srv/labmig/content',
      filesDir: '/srv/labmig/data/files',
      sessionDays: 30,
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
        WORKER_THREADS: '3',
        SESSION_DAYS: '7',
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
      workerThreads: 3,
      sessionDays: 7,
      logLevel: 'debug',
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['SMTP_URL', 'http://mail'],
    ['ORIGIN', 'campus.example.org'],
    ['SESSION_DAYS', '0'],
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
