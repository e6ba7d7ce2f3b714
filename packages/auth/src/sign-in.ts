import { z } from "zod";
import { type Database, createSession, findUserByEmail, signInAttemptCounts, writeAudit } from "@concord/db";
import { SIGN_IN_THROTTLE, type SignInThrottleDecision, type SignInThrottlePolicy, decideSignInAttempt, encodeSignInRefusal } from "@concord/domain";
import { verifyPassword } from "./password";

export const INCORRECT_CREDENTIALS = "Email or password is incorrect.";

/** The address recorded when the client's cannot be known (no trusted proxy); see clientAddressFrom. */
export const UNKNOWN_ADDRESS = "unknown";

/**
 * Thrown when the throttle refuses a try before the password is checked. It is decided by attempts
 * on the email and address, never by whether an account exists, so it reveals nothing about who has
 * an account. Its message is the short code the sign-in form turns into words.
 */
export class SignInRefused extends Error {
  readonly decision: Exclude<SignInThrottleDecision, { kind: "allow" }>;
  constructor(decision: Exclude<SignInThrottleDecision, { kind: "allow" }>) {
    super(encodeSignInRefusal(decision));
    this.name = "SignInRefused";
    this.decision = decision;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: string;
  sid: string;
}

export interface SignInOptions {
  /** The client address (see clientAddressFrom); throttling counts per account and address. */
  address?: string;
  /** The clock, for tests; windows are measured from it. */
  now?: Date;
  policy?: SignInThrottlePolicy;
}

/**
 * Checks credentials and opens a server-side session. Every failure looks the same to the caller
 * (no account, wrong password, deactivated); a throttled try throws SignInRefused with how long to
 * wait. Every attempt, refusal and success is audited with the email and the client address.
 */
export async function signInWithPassword(db: Database, raw: unknown, options: SignInOptions = {}): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const ip = (options.address ?? UNKNOWN_ADDRESS).slice(0, 100);
  const now = options.now ?? new Date();
  const policy = options.policy ?? SIGN_IN_THROTTLE;
  const counts = await signInAttemptCounts(db, {
    email,
    address: ip,
    addressSince: new Date(now.getTime() - policy.addressWindowMinutes * 60_000),
    accountSince: new Date(now.getTime() - policy.accountWindowMinutes * 60_000),
  });
  const decision = decideSignInAttempt(counts, now, policy);
  if (decision.kind !== "allow") {
    // A lock is recorded but not counted (it does not extend itself); a try during a wait counts
    // against this address only.
    await writeAudit(db, {
      actorId: null,
      actorRole: null,
      action: decision.kind === "locked" ? "auth.signIn.locked" : "auth.signIn.throttled",
      patientId: null,
      outcome: "denied",
      detail: { email, ip, ...(decision.kind === "locked" ? { lockedUntil: decision.until.toISOString() } : { waitSeconds: decision.seconds }) },
    });
    throw new SignInRefused(decision);
  }
  const user = await findUserByEmail(db, email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || !user.active) {
    await writeAudit(db, {
      actorId: user?.id ?? null,
      actorRole: user?.role ?? null,
      action: "auth.signIn",
      patientId: null,
      outcome: "denied",
      detail: { email, ip, reason: !user ? "unknown email" : !passwordOk ? "wrong password" : "deactivated" },
    });
    return null;
  }
  return db.transaction(async (tx) => {
    const sid = await createSession(tx, user.id);
    await writeAudit(tx, { actorId: user.id, actorRole: user.role, action: "auth.signIn", patientId: null, outcome: "allowed", detail: { email, ip } });
    return { id: user.id, email: user.email, name: user.name, role: user.role, sid };
  });
}

/**
 * The client address for throttling. Next.js gives a route handler headers, not the socket, and it
 * fills `x-forwarded-for` from the socket only when the request carries none, so a client talking to
 * the portal directly can write any address there. Headers are therefore believed only when the
 * deployment says a proxy it controls sets them (CONCORD_TRUST_PROXY=1): then the address is the
 * LAST `x-forwarded-for` entry, the one that proxy appended (or wrote) from its own socket; earlier
 * entries are whatever the client sent. Without a trusted proxy every client is UNKNOWN_ADDRESS,
 * which makes the per-address limits act on the account from everywhere.
 */
export function clientAddressFrom(headers: Record<string, string | string[] | undefined> | undefined, trustProxy: boolean): string {
  if (!trustProxy || !headers) return UNKNOWN_ADDRESS;
  const raw = headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
  return last && /^[0-9A-Fa-f:.[\]]{2,64}$/.test(last) ? last : UNKNOWN_ADDRESS;
}
