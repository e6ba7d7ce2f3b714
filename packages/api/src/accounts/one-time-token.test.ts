import { describe, expect, it } from "vitest";
import { linkFromRawEmail } from "./eml";
import { TOKEN_LIFETIME_MS, TOKEN_PATTERN, hashToken, newOneTimeToken } from "./one-time-token";

describe("one-time tokens", () => {
  it("are 256 random bits in the link's shape, and differ every time", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newOneTimeToken().token));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(TOKEN_PATTERN.test(token)).toBe(true);
  });

  it("store only a hash that is not the token and is stable", () => {
    const { token, tokenHash } = newOneTimeToken();
    expect(tokenHash).not.toContain(token);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(tokenHash);
    expect(hashToken(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).not.toBe(tokenHash);
  });

  it("refuse forged shapes before any query", () => {
    for (const forged of ["", "short", `${"a".repeat(42)}!`, "a".repeat(44), "../../etc/passwd", `${"a".repeat(42)} `]) {
      expect(TOKEN_PATTERN.test(forged), forged).toBe(false);
    }
  });

  it("last 72 hours for an invitation", () => {
    expect(TOKEN_LIFETIME_MS.invitation).toBe(72 * 60 * 60 * 1000);
  });
});

describe("linkFromRawEmail", () => {
  it("finds the link across quoted-printable soft line breaks", () => {
    const { token } = newOneTimeToken();
    const link = `http://concord.test/invite/${token}`;
    const raw = `Subject: x\r\n\r\nSet your password here: ${link.slice(0, 40)}=\r\n${link.slice(40)} .\r\n`;
    expect(linkFromRawEmail(raw)).toBe(link);
    expect(linkFromRawEmail("no link here")).toBeNull();
  });
});
