import { createHash, randomBytes } from "node:crypto";
import type { AccountTokenPurpose } from "@concord/domain";

/** How long a one-time link lasts: an invitation 72 hours, a password reset 30 minutes. */
export const TOKEN_LIFETIME_MS = { invitation: 72 * 3_600_000, password_reset: 30 * 60_000 } as const satisfies Record<AccountTokenPurpose, number>;

/** SHA-256 of the token, hex: what the database stores (a leaked table cannot be used as links). */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new random token (256 bits, base64url) and its hash. */
export function newOneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/** Tokens in links are 43 base64url characters; anything else is refused before a query. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
