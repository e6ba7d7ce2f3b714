/** FHIR ids are 1–64 characters of [A-Za-z0-9-.]: ours are built from stored ids and kept inside that. */
const ID_MAX = 64;

/** FNV-1a, 32-bit: a short stable digest for an id that would not fit. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

export function fhirId(...parts: string[]): string {
  const joined = parts.join(".");
  const clean = joined.replace(/[^A-Za-z0-9.-]/g, "-");
  if (clean === joined && clean.length <= ID_MAX) return clean;
  return `${clean.slice(0, ID_MAX - 9)}-${digest(joined)}`;
}

export const FHIR_ID_PATTERN = /^[A-Za-z0-9.-]{1,64}$/;
