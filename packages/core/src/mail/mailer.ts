/** One plain-text email. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** What the mail is about, such as `password-reset` (kept in the outbox). */
  readonly kind: string;
  readonly locale: string;
  /** Extra headers, such as List-Unsubscribe (RFC 2369) and List-Unsubscribe-Post (RFC 8058). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Sends mail: over SMTP when configured, else into the outbox table. */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox' | 'memory';
  send(message: MailMessage): Promise<void>;
  close?(): Promise<void>;
}

/** A mailer that keeps messages in memory (tests). */
export function createMemoryMailer(): Mailer & { readonly sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return { kind: 'memory', sent, send: async (message) => void sent.push(message) };
}
