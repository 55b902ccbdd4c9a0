import type { Actor } from '@labmig/core/access';
import type { App as LabmigApp } from '@labmig/core/app';

declare global {
  namespace App {
    interface Locals {
      /** Who is making the request (anonymous or a signed-in user). */
      actor: Actor;
      /** The opened application (database, config, mailer, logger). */
      app: LabmigApp;
      /** The request id, also sent as `x-request-id` and written on every log line. */
      requestId: string;
      /** The UI language of this request. */
      locale: 'en' | 'fr';
      /** The raw session token from the cookie, if any. */
      sessionToken?: string;
    }
    interface Error {
      message: string;
      requestId?: string;
    }
  }
}

export {};
