import { describe, expect, it } from "vitest";
import {
  SIGN_IN_THROTTLE,
  addressDelaySeconds,
  decideSignInAttempt,
  encodeSignInRefusal,
  parseSignInRefusal,
  signInThrottleMessage,
} from "./sign-in-throttle";

const now = new Date("2026-12-01T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const none = { failures: 0, lastFailureAt: null };

describe("addressDelaySeconds", () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 5],
    [4, 10],
    [5, 20],
    [8, 160],
    [9, 300],
    [30, 300],
  ])("after %i failures waits %i s", (failures, seconds) => {
    expect(addressDelaySeconds(failures)).toBe(seconds);
  });
});

describe("decideSignInAttempt", () => {
  it("allows the first failures from an address without a wait", () => {
    expect(decideSignInAttempt({ address: { failures: 2, lastFailureAt: ago(0) }, account: { failures: 2, lastFailureAt: ago(0) } }, now)).toEqual({ kind: "allow" });
  });

  it("makes the next try wait, counting from the last failure, and allows it once the wait is over", () => {
    const counts = { address: { failures: 4, lastFailureAt: ago(3) }, account: { failures: 4, lastFailureAt: ago(3) } };
    expect(decideSignInAttempt(counts, now)).toEqual({ kind: "wait", seconds: 7, until: new Date(ago(3).getTime() + 10_000) });
    expect(decideSignInAttempt({ ...counts, address: { failures: 4, lastFailureAt: ago(10) } }, now)).toEqual({ kind: "allow" });
  });

  it("locks the account from that address for 15 minutes after 10 failures there", () => {
    const lastFailureAt = ago(60);
    const decision = decideSignInAttempt({ address: { failures: 10, lastFailureAt }, account: { failures: 10, lastFailureAt } }, now);
    expect(decision).toEqual({ kind: "locked", seconds: 14 * 60, until: new Date(lastFailureAt.getTime() + 15 * 60_000) });
    // After the lock the address starts again (the database counts only failures inside the window).
    expect(decideSignInAttempt({ address: { failures: 10, lastFailureAt: ago(15 * 60 + 1) }, account: none }, now)).toEqual({ kind: "allow" });
  });

  it("does not lock another address: the account-wide count below its limit changes nothing", () => {
    expect(decideSignInAttempt({ address: none, account: { failures: SIGN_IN_THROTTLE.accountSlowAfterFailures - 1, lastFailureAt: ago(0) } }, now)).toEqual({
      kind: "allow",
    });
  });

  it("slows every address once the account-wide limit is reached, but never locks", () => {
    const account = { failures: 80, lastFailureAt: ago(10) };
    expect(decideSignInAttempt({ address: none, account }, now)).toEqual({ kind: "wait", seconds: 20, until: new Date(ago(10).getTime() + 30_000) });
    expect(decideSignInAttempt({ address: none, account: { failures: 80, lastFailureAt: ago(31) } }, now)).toEqual({ kind: "allow" });
  });

  it("takes the longer of the address wait and the account-wide wait", () => {
    const decision = decideSignInAttempt({ address: { failures: 9, lastFailureAt: ago(10) }, account: { failures: 60, lastFailureAt: ago(1) } }, now);
    expect(decision).toMatchObject({ kind: "wait", seconds: 290 });
  });

  it("follows a policy passed in", () => {
    const policy = { ...SIGN_IN_THROTTLE, lockAfterFailures: 2, lockMinutes: 1 };
    expect(decideSignInAttempt({ address: { failures: 2, lastFailureAt: ago(30) }, account: none }, now, policy)).toMatchObject({ kind: "locked", seconds: 30 });
  });
});

describe("the refusal the form receives", () => {
  it("round-trips through its code and rejects anything else", () => {
    const until = new Date(now.getTime() + 7000);
    expect(parseSignInRefusal(encodeSignInRefusal({ kind: "wait", seconds: 7, until }))).toEqual({ kind: "wait", seconds: 7 });
    expect(parseSignInRefusal(encodeSignInRefusal({ kind: "locked", seconds: 840, until }))).toEqual({ kind: "locked", seconds: 840 });
    expect(parseSignInRefusal("CredentialsSignin")).toBeNull();
    expect(parseSignInRefusal("SignInWait:abc")).toBeNull();
    expect(parseSignInRefusal(undefined)).toBeNull();
  });

  it("says how long to wait and that the password reset still works", () => {
    expect(signInThrottleMessage({ kind: "wait", seconds: 5 })).toBe(
      "Too many unsuccessful sign-in attempts. Wait 5 seconds before trying again. If you have forgotten your password, “Forgot your password?” still works.",
    );
    expect(signInThrottleMessage({ kind: "wait", seconds: 1 })).toContain("Wait 1 second before");
    expect(signInThrottleMessage({ kind: "wait", seconds: 90 })).toContain("Wait 2 minutes before");
    expect(signInThrottleMessage({ kind: "locked", seconds: 840 })).toContain("Sign-in is paused here for 14 minutes.");
  });
});
