import { invitationState } from "@concord/domain";
import { type Database, getSecondFactor, latestAccountToken, listUsers } from "@concord/db";

/**
 * The admin's account list, each person with the state of their newest invitation ("sent, expires …",
 * "not sent", "expired", "accepted"). Never a token, never a password.
 */
export async function listAccounts(db: Database, input: { search?: string | undefined; cursor?: string | undefined; limit: number }, now: Date = new Date()) {
  const page = await listUsers(db, input);
  const items = await Promise.all(
    page.items.map(async (user) => {
      const latest = await latestAccountToken(db, user.id, "invitation");
      // Whether two-factor sign-in is on, never the secret.
      const secondFactorOn = Boolean((await getSecondFactor(db, user.id))?.enabledAt);
      return {
        ...user,
        secondFactorOn,
        invitation: latest
          ? {
              state: invitationState(latest, now),
              sentAt: latest.createdAt,
              expiresAt: latest.expiresAt,
              acceptedAt: latest.usedAt,
              emailError: latest.emailStatus === "failed" ? latest.emailError : null,
            }
          : null,
      };
    }),
  );
  return { items, nextCursor: page.nextCursor };
}
