/**
 * Sign-in throttling: who may try a password now, decided from counts the database keeps.
 *
 * Two counters, so that an attacker cannot turn the limits against the person whose account it is:
 * - per account and client address: after a few failures each next try waits longer, and after
 *   `lockAfterFailures` the account is locked *from that address only*; the clinician signing in
 *   from another address is not affected;
 * - per account across every address: a higher limit that only slows (never locks) everyone, so
 *   guessing spread over many addresses is still slow.
 * Attempted emails are counted whether or not an account exists, so the answer reveals nothing.
 * A try made before the wait is over is refused without checking the password and counts as a
 * failure from that address (a script that ignores the wait is locked sooner); it does not count
 * towards the account-wide limit, which only password checks feed.
 */
export interface SignInThrottlePolicy {
  /** Failures from one address (since its last success, within the window) allowed without a wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it, up to `maxDelaySeconds`. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** Failures from one address that lock the account from that address. */
  lockAfterFailures: number;
  lockMinutes: number;
  /** Failures from one address are counted over this window (and since its last success there). */
  addressWindowMinutes: number;
  /** Failures on the account from all addresses that slow every address. */
  accountSlowAfterFailures: number;
  accountWindowMinutes: number;
  /** While the account-wide limit is reached, each try waits this long after the account's last failure. */
  accountDelaySeconds: number;
}

export const SIGN_IN_THROTTLE: SignInThrottlePolicy = {
  freeFailures: 3,
  baseDelaySeconds: 5,
  maxDelaySeconds: 300,
  lockAfterFailures: 10,
  lockMinutes: 15,
  addressWindowMinutes: 15,
  accountSlowAfterFailures: 50,
  accountWindowMinutes: 60,
  accountDelaySeconds: 30,
};

export interface FailureCount {
  failures: number;
  lastFailureAt: Date | null;
}

export interface SignInAttemptCounts {
  /** This account (attempted email) from this address, counted per the policy's address window. */
  address: FailureCount;
  /** This account from every address, over the account window. */
  account: FailureCount;
}

export type SignInThrottleDecision =
  | { kind: "allow" }
  | { kind: "wait"; seconds: number; until: Date }
  | { kind: "locked"; seconds: number; until: Date };

const secondsUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/** The wait after `failures` failures from one address (0 while under the free allowance). */
export function addressDelaySeconds(failures: number, policy: SignInThrottlePolicy = SIGN_IN_THROTTLE): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** (failures - policy.freeFailures));
}

export function decideSignInAttempt(counts: SignInAttemptCounts, now: Date, policy: SignInThrottlePolicy = SIGN_IN_THROTTLE): SignInThrottleDecision {
  const { address, account } = counts;
  if (address.lastFailureAt && address.failures >= policy.lockAfterFailures) {
    const until = new Date(address.lastFailureAt.getTime() + policy.lockMinutes * 60_000);
    if (until > now) return { kind: "locked", seconds: secondsUntil(until, now), until };
  }
  let waitUntil: Date | null = null;
  const addressDelay = addressDelaySeconds(address.failures, policy);
  if (address.lastFailureAt && addressDelay > 0) {
    waitUntil = new Date(address.lastFailureAt.getTime() + addressDelay * 1000);
  }
  if (account.lastFailureAt && account.failures >= policy.accountSlowAfterFailures) {
    const accountUntil = new Date(account.lastFailureAt.getTime() + policy.accountDelaySeconds * 1000);
    if (!waitUntil || accountUntil > waitUntil) waitUntil = accountUntil;
  }
  if (waitUntil && waitUntil > now) return { kind: "wait", seconds: secondsUntil(waitUntil, now), until: waitUntil };
  return { kind: "allow" };
}

/**
 * The refusal travels from the sign-in handler to the form as a short code (next-auth passes an
 * error's message through); the form turns it back into words with `signInThrottleMessage`.
 */
export function encodeSignInRefusal(decision: Exclude<SignInThrottleDecision, { kind: "allow" }>): string {
  return `${decision.kind === "locked" ? "SignInLocked" : "SignInWait"}:${decision.seconds}`;
}

/** A refused sign-in as the form reads it back: wait a little, or this device is paused. */
export type SignInRefusal = Pick<Exclude<SignInThrottleDecision, { kind: "allow" }>, "kind" | "seconds">;

export function parseSignInRefusal(code: string | null | undefined): SignInRefusal | null {
  const match = /^(SignInWait|SignInLocked):(\d{1,6})$/.exec(code ?? "");
  if (!match) return null;
  return { kind: match[1] === "SignInLocked" ? "locked" : "wait", seconds: Number(match[2]) };
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} ${seconds === 1 ? "second" : "seconds"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}

/** What the person reads. It never says whether the account exists, and points to the reset that still works. */
export function signInThrottleMessage(refusal: SignInRefusal): string {
  const reset = "If you have forgotten your password, “Forgot your password?” still works.";
  if (refusal.kind === "locked") {
    return `Too many unsuccessful sign-in attempts from this device. Sign-in is paused here for ${duration(refusal.seconds)}. ${reset}`;
  }
  return `Too many unsuccessful sign-in attempts. Wait ${duration(refusal.seconds)} before trying again. ${reset}`;
}
