/** Opaque keyset cursors: a base64url JSON tuple of the sort key of the last row seen. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor<T extends (string | number)[]>(cursor: string | undefined, arity: number): T | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === arity && parsed.every((v) => typeof v === "string" || typeof v === "number")) {
      return parsed as T;
    }
  } catch {
    // fall through: a malformed cursor is treated as an invalid request by the caller
  }
  throw new InvalidCursorError();
}

export class InvalidCursorError extends Error {
  constructor() {
    super("The page cursor is not valid. Reload the list.");
    this.name = "InvalidCursorError";
  }
}
