import nodemailer from 'nodemailer';
import type { Mailer } from './mailer.ts';

/** A mailer that sends through the SMTP server at `smtpUrl` (nodemailer). */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.headers ? { headers: { ...message.headers } } : {}),
      });
    },
    async close() {
      transport.close();
    },
  };
}
