/**
 * Unread counts stop at this many: "99+" says as much as 100,000 and keeps the count a bounded
 * scan. The database query counts at most this many (packages/db messaging queries); the portal
 * shows the count through unreadLabel.
 */
export const UNREAD_CAP = 100;

/** An unread count as shown: the number, or "99+" once it reaches the cap. */
export function unreadLabel(count: number): string {
  return count >= UNREAD_CAP ? `${UNREAD_CAP - 1}+` : String(Math.max(0, Math.trunc(count)));
}
