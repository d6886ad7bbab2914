import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

/**
 * The embedded outbox as a person reads it (`/_publisher/outbox`, this machine only): the newest
 * messages first, each decoded by mailparser from the `.eml` nodemailer wrote — recipient,
 * subject, the one-click unsubscribe headers and the text.
 */
export interface OutboxMessage {
  file: string;
  writtenAt: string;
  to: string;
  subject: string;
  listUnsubscribe: string | null;
  listUnsubscribePost: string | null;
  text: string;
}

export async function readOutbox(dir: string, limit = 50): Promise<OutboxMessage[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = await Promise.all(
    names.filter((n) => n.endsWith('.eml')).map(async (name) => ({ name, mtime: (await stat(join(dir, name))).mtime })),
  );
  files.sort((a, b) => b.mtime.getTime() - a.mtime.getTime() || a.name.localeCompare(b.name));
  const out: OutboxMessage[] = [];
  for (const { name, mtime } of files.slice(0, limit)) {
    const mail = await simpleParser(await readFile(join(dir, name)));
    // The raw line, unfolded: mailparser turns List-* headers into an object under `list`.
    const header = (key: string) =>
      mail.headerLines
        .find((l) => l.key === key)
        ?.line.replace(/\r?\n(?=[ \t])/g, '')
        .replace(/^[^:]+:\s*/, '') ?? null;
    const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
    out.push({
      file: name,
      writtenAt: mtime.toISOString(),
      to,
      subject: mail.subject ?? '',
      listUnsubscribe: header('list-unsubscribe'),
      listUnsubscribePost: header('list-unsubscribe-post'),
      text: mail.text ?? '',
    });
  }
  return out;
}
