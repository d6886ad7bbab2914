import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';

/**
 * Where messages go: SMTP through nodemailer when `SMTP_URL` is set (production), otherwise the
 * embedded outbox — one `.eml` per message in `MAIL_OUTBOX_DIR`, written by nodemailer's stream
 * transport (the exact bytes SMTP would carry), which `npm start` shows at `/_publisher/outbox`.
 * An outbox file is named after the message's idempotency key, so writing a message again
 * replaces it instead of adding a second one.
 */
export interface MailTransport {
  readonly kind: 'smtp' | 'outbox';
  send(message: Mail.Options, idempotencyKey: string): Promise<void>;
  close(): void;
}

export function outboxFileName(idempotencyKey: string): string {
  return `${idempotencyKey.replace(/[^A-Za-z0-9_-]+/g, '_')}.eml`;
}

export function outboxTransport(dir: string): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'outbox',
    async send(message, key) {
      const info = await composer.sendMail(message);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const file = join(dir, outboxFileName(key));
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(tmp, info.message as Buffer, { mode: 0o600 });
      await rename(tmp, file);
    },
    close: () => composer.close(),
  };
}

export function smtpTransport(url: string): MailTransport {
  const transport = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async send(message) {
      await transport.sendMail(message);
    },
    close: () => transport.close(),
  };
}

export function transportFromConfig(mail: { smtpUrl: string | null; outboxDir: string }): MailTransport {
  return mail.smtpUrl ? smtpTransport(mail.smtpUrl) : outboxTransport(mail.outboxDir);
}
