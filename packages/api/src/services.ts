/**
 * Services the api needs but must not import itself (hashing lives in the auth package, which
 * depends on db; the portal wires it in at start-up and tests wire their own).
 */
type Hasher = (plain: string) => Promise<string>;

let passwordHasher: Hasher | null = null;

export function setPasswordHasher(hasher: Hasher) {
  passwordHasher = hasher;
}

export function getPasswordHasher(): Hasher {
  if (!passwordHasher) throw new Error("No password hasher configured: call setPasswordHasher at start-up.");
  return passwordHasher;
}
