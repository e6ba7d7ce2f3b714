/**
 * The first invitation or reset link in a raw email (as written to the outbox or received by an
 * SMTP server), undoing quoted-printable soft line breaks. For tests and scripts that follow a link.
 */
export function linkFromRawEmail(raw: string): string | null {
  const decoded = raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return /https?:\/\/[^\s]+\/(?:invite|reset-password)\/[A-Za-z0-9_-]{43}/.exec(decoded)?.[0] ?? null;
}
