import type { Mailer } from "./mail/mailer";

/**
 * What the api needs from outside itself, passed in the tRPC context by whoever starts it (the
 * portal, a test, a script). Nothing is looked up from a module-level registry, so a missing
 * service is a type error where the context is built, not a 500 at the first request.
 */
export interface Services {
  /** Hashes a new password (argon2id in the portal; the auth package owns hashing). */
  hashPassword(plain: string): Promise<string>;
  /** Checks a password against a stored hash (false for a missing hash, in about the same time). */
  verifyPassword(storedHash: string | null, plain: string): Promise<boolean>;
  /** Sends account email (invitations, password resets). */
  mailer: Mailer;
  /** The portal's public base URL, for links in email (e.g. https://concord.example.org). */
  publicUrl: string;
}
