import { describe, expect, it } from "vitest";
import { parseSecondFactorCode } from "@concord/domain";
import {
  base32Decode,
  base32Encode,
  decryptTotpSecret,
  encryptTotpSecret,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  hotp,
  otpauthUri,
  qrCodeSvg,
  secondFactorKey,
  totpCode,
  verifyTotp,
} from "./totp";

const RFC_SECRET = Buffer.from("12345678901234567890", "ascii");

describe("HOTP and TOTP against the RFC test vectors", () => {
  it("RFC 4226 appendix D: HOTP for counters 0–9", () => {
    expect(Array.from({ length: 10 }, (_, i) => hotp(RFC_SECRET, i))).toEqual([
      "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489",
    ]);
  });

  it.each([
    [59, "94287082"],
    [1111111109, "07081804"],
    [1111111111, "14050471"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
  ])("RFC 6238 appendix B (SHA-1): at %i s the code is %s", (seconds, code) => {
    expect(hotp(RFC_SECRET, Math.floor(seconds / 30), 8)).toBe(code);
  });

  it("base32 round-trips and matches RFC 4648", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Decode("MZXW 6YTB OI").toString()).toBe("foobar");
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
  });

  it("accepts the code of this step and one step either side, and returns the step", () => {
    const secret = base32Encode(RFC_SECRET);
    const at = new Date(1111111111 * 1000);
    const step = Math.floor(1111111111 / 30);
    expect(verifyTotp(secret, totpCode(secret, at), at)).toBe(step);
    expect(verifyTotp(secret, totpCode(secret, new Date(at.getTime() - 30_000)), at)).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, new Date(at.getTime() + 30_000)), at)).toBe(step + 1);
    expect(verifyTotp(secret, totpCode(secret, new Date(at.getTime() - 90_000)), at)).toBeNull();
    expect(verifyTotp(secret, "12345", at)).toBeNull();
    expect(verifyTotp(secret, "abcdef", at)).toBeNull();
  });
});

describe("the secret at rest", () => {
  it("is encrypted and authenticated: another key or a changed byte cannot read it", () => {
    const key = secondFactorKey("a-deployment-secret-0123456789");
    const stored = encryptTotpSecret("JBSWY3DPEHPK3PXP", key);
    expect(stored).not.toContain("JBSWY3DPEHPK3PXP");
    expect(decryptTotpSecret(stored, key)).toBe("JBSWY3DPEHPK3PXP");
    expect(() => decryptTotpSecret(stored, secondFactorKey("another-secret-0123456789"))).toThrow();
    const tampered = `${stored.slice(0, -2)}${stored.endsWith("A") ? "B" : "A"}${stored.slice(-1)}`;
    expect(() => decryptTotpSecret(tampered, key)).toThrow();
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes the code field accepts, stored as hashes of the compact form", () => {
    const { codes, hashes } = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
      expect(parseSecondFactorCode(code.toUpperCase())).toEqual({ kind: "recovery", code: code.replace("-", "") });
    }
    expect(hashes[0]).toBe(hashRecoveryCode(codes[0] ?? ""));
    expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(hashes[0]).not.toContain(codes[0]?.replace("-", ""));
  });
});

describe("enrolment QR code", () => {
  it("is an SVG drawn locally from the otpauth URI", async () => {
    const uri = otpauthUri("JBSWY3DPEHPK3PXP", "admin@concord.demo");
    expect(uri).toBe("otpauth://totp/Concord%3Aadmin%40concord.demo?secret=JBSWY3DPEHPK3PXP&issuer=Concord&algorithm=SHA1&digits=6&period=30");
    const svg = await qrCodeSvg(uri);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("<path");
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});
