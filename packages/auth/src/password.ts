import { hash, verify } from "@node-rs/argon2";

/** OWASP's recommended argon2id parameters: 19 MiB memory, 2 iterations, 1 lane. */
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id: a const enum, unusable under isolatedModules */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

/** A well-formed hash of a random password: verifying against it costs the same as a real check. */
let dummyHash: Promise<string> | null = null;

/**
 * Verifies a password. When the account does not exist we still spend the same time hashing, so
 * the response time does not reveal which emails have accounts.
 */
export async function verifyPassword(storedHash: string | null, plain: string): Promise<boolean> {
  if (!storedHash?.startsWith("$argon2")) {
    dummyHash ??= hashPassword(`no-account-${Math.random()}`);
    await verify(await dummyHash, plain).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, plain);
  } catch {
    return false;
  }
}
