import { describe, expect, it } from "vitest";
import type { Database } from "@concord/db";
import { SECURE_SESSION_COOKIE, buildAuthOptions } from "./next-auth";
import { UNKNOWN_ADDRESS, clientAddressFrom } from "./sign-in";

const options = (publicUrl: string) =>
  buildAuthOptions({ getDb: async () => ({}) as Database, secret: "test-secret-0123456789", publicUrl, trustProxy: false, secondFactorRequirement: "admins" });

describe("session cookie", () => {
  it("is __Host- prefixed and Secure when the portal is served over https", () => {
    const built = options("https://concord.example.org");
    expect(built.useSecureCookies).toBe(true);
    expect(built.cookies?.sessionToken).toEqual({ name: SECURE_SESSION_COOKIE, options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } });
    // __Host- cookies must not carry a Domain, or the browser drops them.
    expect(built.cookies?.sessionToken?.options).not.toHaveProperty("domain");
  });

  it("stays a plain cookie over http so localhost keeps working", () => {
    const built = options("http://127.0.0.1:3210");
    expect(built.useSecureCookies).toBe(false);
    expect(built.cookies?.sessionToken).toMatchObject({ name: "next-auth.session-token", options: { secure: false } });
  });
});

describe("clientAddressFrom", () => {
  it("ignores headers unless a trusted proxy sets them", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "203.0.113.9" }, false)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddressFrom(undefined, true)).toBe(UNKNOWN_ADDRESS);
  });

  it("believes the entry the trusted proxy appended, not what the client wrote before it", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "203.0.113.9" }, true)).toBe("203.0.113.9");
    expect(clientAddressFrom({ "x-forwarded-for": "10.0.0.1, 198.51.100.4" }, true)).toBe("198.51.100.4");
    expect(clientAddressFrom({ "x-forwarded-for": "2001:db8::1" }, true)).toBe("2001:db8::1");
  });

  it("refuses anything that is not an address", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "<script>" }, true)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddressFrom({ "x-forwarded-for": " , " }, true)).toBe(UNKNOWN_ADDRESS);
  });
});
