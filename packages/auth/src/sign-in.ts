import { z } from "zod";
import {
  type Database,
  type UserRow,
  acceptSecondFactorStep,
  createSession,
  enableSecondFactor,
  findUserByEmail,
  getSecondFactor,
  signInAttemptCounts,
  startSecondFactorEnrolment,
  useRecoveryCode,
  writeAudit,
} from "@concord/db";
import {
  SECOND_FACTOR_ENROL,
  SECOND_FACTOR_NEEDED,
  SIGN_IN_THROTTLE,
  type SecondFactorRequirement,
  type SignInThrottleDecision,
  type SignInThrottlePolicy,
  decideSignInAttempt,
  encodeSignInRefusal,
  parseSecondFactorCode,
  secondFactorRequired,
} from "@concord/domain";
import { verifyPassword } from "./password";
import { decryptTotpSecret, encryptTotpSecret, generateRecoveryCodes, generateTotpSecret, hashRecoveryCode, otpauthUri, qrCodeSvg, verifyTotp } from "./totp";

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
  /** The second step: a 6-digit TOTP code or a recovery code. */
  code: z.string().max(40).optional(),
});

/**
 * Not a failure: the password was right and the second step is due. The form asks for the code
 * (SECOND_FACTOR_NEEDED) or shows the enrolment (SECOND_FACTOR_ENROL).
 */
export class SecondFactorStep extends Error {
  constructor(readonly step: typeof SECOND_FACTOR_NEEDED | typeof SECOND_FACTOR_ENROL) {
    super(step);
    this.name = "SecondFactorStep";
  }
}

export interface SecondFactorConfig {
  /** Who must have a second factor (CONCORD_SECOND_FACTOR; admins by default). */
  requirement: SecondFactorRequirement;
  /** Encrypts TOTP secrets at rest (secondFactorKey of the auth secret). */
  key: Buffer;
}

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
  /** Without it nobody is required to enrol; a person who has a second factor still needs it (and the key). */
  secondFactor?: SecondFactorConfig;
}

type Credentials = z.infer<typeof credentialsSchema>;

/**
 * The throttle, then the password: the user when it is right and the account active, else null
 * (audited as a failure that counts). A throttled try throws SignInRefused before the password is
 * checked. Every failure looks the same to the caller (no account, wrong password, deactivated).
 */
async function checkPassword(db: Database, credentials: Credentials, ip: string, options: SignInOptions): Promise<UserRow | null> {
  const { email, password } = credentials;
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
    await failure(db, user, email, ip, !user ? "unknown email" : !passwordOk ? "wrong password" : "deactivated");
    return null;
  }
  return user;
}

/** A failed sign-in: the row the throttle counts (per address and per account). */
async function failure(db: Database, user: UserRow | null, email: string, ip: string, reason: string) {
  await writeAudit(db, {
    actorId: user?.id ?? null,
    actorRole: user?.role ?? null,
    action: "auth.signIn",
    patientId: null,
    outcome: "denied",
    detail: { email, ip, reason },
  });
}

function parseCredentials(raw: unknown, options: SignInOptions) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  return { credentials: parsed.data, ip: (options.address ?? UNKNOWN_ADDRESS).slice(0, 100) };
}

/**
 * Checks credentials (and the second factor when the person has one, or must enrol) and opens a
 * server-side session. A wrong code counts as a failed attempt, like a wrong password. Every
 * attempt, refusal, second-factor step and success is audited with the email and the client address.
 */
export async function signInWithPassword(db: Database, raw: unknown, options: SignInOptions = {}): Promise<SignedInUser | null> {
  const input = parseCredentials(raw, options);
  if (!input) return null;
  const { credentials, ip } = input;
  const { email } = credentials;
  const user = await checkPassword(db, credentials, ip, options);
  if (!user) return null;

  const factor = await getSecondFactor(db, user.id);
  const required = secondFactorRequired(user.role, options.secondFactor?.requirement ?? "off");
  const typed = credentials.code?.trim() ? credentials.code : null;
  let secondFactor: "totp" | "recovery code" | "enrolled" | null = null;
  if (factor?.enabledAt || (factor && typed) || required) {
    const audit = (action: string, outcome: "allowed" | "denied", detail: Record<string, unknown>) =>
      writeAudit(db, { actorId: user.id, actorRole: user.role, action, patientId: null, outcome, detail: { email, ip, ...detail } });
    if (!typed) {
      const step = factor?.enabledAt ? SECOND_FACTOR_NEEDED : SECOND_FACTOR_ENROL;
      await audit("auth.secondFactor.asked", "allowed", { step: factor?.enabledAt ? "code" : "enrolment" });
      throw new SecondFactorStep(step);
    }
    const code = parseSecondFactorCode(typed);
    const key = options.secondFactor?.key;
    if (!key) throw new Error("A second factor is set up but sign-in has no key to read it.");
    if (factor?.enabledAt) {
      if (code?.kind === "totp") {
        const step = verifyTotp(decryptTotpSecret(factor.secretEncrypted, key), code.code, options.now);
        if (step !== null && (await acceptSecondFactorStep(db, user.id, step))) secondFactor = "totp";
      } else if (code?.kind === "recovery" && (await useRecoveryCode(db, user.id, hashRecoveryCode(code.code)))) {
        secondFactor = "recovery code";
      }
    } else if (factor && code?.kind === "totp") {
      // The first code from the app confirms a pending enrolment (and its recovery codes).
      const step = verifyTotp(decryptTotpSecret(factor.secretEncrypted, key), code.code, options.now);
      if (step !== null && (await enableSecondFactor(db, user.id, step))) {
        secondFactor = "enrolled";
        await audit("auth.secondFactor.enabled", "allowed", {});
      }
    } else if (!factor) {
      await audit("auth.secondFactor.asked", "allowed", { step: "enrolment" });
      throw new SecondFactorStep(SECOND_FACTOR_ENROL);
    }
    if (!secondFactor) {
      await failure(db, user, email, ip, "wrong code");
      return null;
    }
  }
  return db.transaction(async (tx) => {
    const sid = await createSession(tx, user.id);
    await writeAudit(tx, {
      actorId: user.id,
      actorRole: user.role,
      action: "auth.signIn",
      patientId: null,
      outcome: "allowed",
      detail: { email, ip, ...(secondFactor ? { secondFactor } : {}) },
    });
    return { id: user.id, email: user.email, name: user.name, role: user.role, sid };
  });
}

export interface SecondFactorEnrolment {
  /** The QR code (SVG) for the authenticator app, and the secret to type in instead. */
  qrSvg: string;
  secret: string;
  /** Shown once; stored only as hashes. In force once the first code confirms the enrolment. */
  recoveryCodes: string[];
}

/**
 * Starts setting up a second factor, authenticated by the password (the same throttle and failure
 * counting as sign-in), so it works both at a first sign-in that requires it and from the security
 * page. Null when the password is wrong; "already" when a second factor is in force (an admin
 * resets it first). The enrolment is confirmed by signing in with the first code.
 */
export async function beginSecondFactorEnrolment(
  db: Database,
  raw: unknown,
  options: SignInOptions & { secondFactor: SecondFactorConfig },
): Promise<SecondFactorEnrolment | "already" | null> {
  const input = parseCredentials(raw, options);
  if (!input) return null;
  const user = await checkPassword(db, input.credentials, input.ip, options);
  if (!user) return null;
  const secret = generateTotpSecret();
  const { codes, hashes } = generateRecoveryCodes();
  if (!(await startSecondFactorEnrolment(db, user.id, encryptTotpSecret(secret, options.secondFactor.key), hashes))) return "already";
  await writeAudit(db, {
    actorId: user.id,
    actorRole: user.role,
    action: "auth.secondFactor.enrolmentStarted",
    patientId: null,
    outcome: "allowed",
    detail: { email: user.email, ip: input.ip },
  });
  return { qrSvg: await qrCodeSvg(otpauthUri(secret, user.email)), secret: secret.replace(/(.{4})/g, "$1 ").trim(), recoveryCodes: codes };
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
