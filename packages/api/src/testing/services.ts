import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixtureHash } from "@concord/db/testing";
import { createMailer } from "../mail/mailer";
import type { Services } from "../services";

/**
 * Services for caller tests: the fast fixture hash and a real mailer writing `.eml` files to a
 * fresh folder (tests about email itself start a real SMTP server and pass their own mailer).
 */
export function testServices(overrides: Partial<Services> = {}): Services & { outboxDir: string } {
  const outboxDir = mkdtempSync(join(tmpdir(), "concord-outbox-"));
  return {
    hashPassword: fixtureHash,
    verifyPassword: async (storedHash, plain) => storedHash !== null && storedHash === (await fixtureHash(plain)),
    mailer: createMailer({ outboxDir, from: "Concord <no-reply@concord.test>" }),
    publicUrl: "http://concord.test",
    outboxDir,
    ...overrides,
  };
}
