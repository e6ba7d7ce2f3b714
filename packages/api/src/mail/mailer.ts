import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer from "nodemailer";

/**
 * Account email (invitations, password resets). Messages carry no clinical content: a greeting, what
 * the link is for, the link and when it expires.
 */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Resolves once the message was handed to the SMTP server (or written to the outbox); rejects otherwise. */
  send(message: OutgoingEmail): Promise<{ via: "smtp" | "outbox"; location: string | null }>;
}

export interface MailerConfig {
  /** smtp:// or smtps:// URL; without it messages are written as .eml files to `outboxDir`. */
  smtpUrl?: string | undefined;
  outboxDir: string;
  from: string;
  /** Where the outbox mailer says what it wrote (the console in `npm start`). */
  log?: (line: string) => void;
}

const FIRST_LINK = /https?:\/\/\S+/;

/**
 * The mailer a deployment uses: SMTP when `smtpUrl` is set, else an outbox folder of `.eml` files
 * whose links are also logged, so `npm start` works with nothing else installed.
 */
export function createMailer(config: MailerConfig): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      async send(message) {
        const info = await transport.sendMail({ from: config.from, ...message });
        return { via: "smtp", location: info.messageId ?? null };
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  let sequence = 0;
  return {
    async send(message) {
      const info = await transport.sendMail({ from: config.from, ...message });
      mkdirSync(config.outboxDir, { recursive: true });
      sequence += 1;
      const safeTo = message.to.replace(/[^a-zA-Z0-9@._-]/g, "_");
      const file = join(config.outboxDir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${sequence}-${safeTo}.eml`);
      writeFileSync(file, info.message as Buffer);
      const link = FIRST_LINK.exec(message.text)?.[0];
      config.log?.(`[mail] "${message.subject}" to ${message.to} written to ${file}${link ? `; link: ${link}` : ""}`);
      return { via: "outbox", location: file };
    },
  };
}
