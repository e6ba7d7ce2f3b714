import { z } from "zod";
import { INT4_MAX, daysInMonth, hasUnsafeText, isoDateSchema } from "@concord/domain";

/**
 * Opaque keyset cursors: a base64url JSON tuple of the sort key of the last row seen.
 *
 * A cursor comes back from the client, so it is user input: every query decodes it against a schema
 * of its own sort key before any SQL, and a value Postgres could not cast (a uuid that is not one,
 * 2026-13-45, a number past the column's range, a NUL) is a clear 400, never a 500.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** `timestamptz::text` (2026-12-01 21:11:32.123456+00) or ISO 8601 with Z: a real instant, offsets Postgres accepts. */
const TIMESTAMP_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-](\d{2})(?::?(\d{2}))?)$/;

function isCursorTimestamp(value: string): boolean {
  const m = TIMESTAMP_PATTERN.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  const offsetHours = m[9] === undefined ? 0 : Number(m[9]);
  const offsetMinutes = m[10] === undefined ? 0 : Number(m[10]);
  return offsetHours <= 15 && offsetMinutes <= 59;
}

/** The pieces a cursor tuple is made of, each limited to what its SQL cast accepts. */
export const cursorPart = {
  uuid: z.uuid(),
  timestamp: z.string().max(40).refine(isCursorTimestamp),
  date: isoDateSchema.refine((value) => Number(value.slice(0, 4)) >= 1),
  /** A sort key copied from a text column (a name): bounded, and free of what Postgres text cannot hold. */
  text: z
    .string()
    .max(400)
    .refine((value) => !hasUnsafeText(value)),
  /** A version or other `integer` column. */
  int: z.number().int().min(0).max(INT4_MAX),
  /** A computed rank such as 0 = urgent, 1 = the rest. */
  rank: z.union([z.literal(0), z.literal(1)]),
} as const;

/** Decode `cursor` against the tuple schema of the query's sort key; null when there is no cursor. */
export function decodeCursor<T extends readonly unknown[]>(cursor: string | undefined, schema: z.ZodType<T>): T | null {
  if (!cursor) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError();
  }
  const checked = schema.safeParse(parsed);
  if (!checked.success) throw new InvalidCursorError();
  return checked.data;
}

export class InvalidCursorError extends Error {
  constructor() {
    super("This page link is not valid. Go back to the first page.");
    this.name = "InvalidCursorError";
  }
}

/**
 * One keyset page from rows fetched with `limit + 1`: the first `limit` rows, and the sort key of the last
 * of them when there was a row beyond the page (`next` is null on the last page).
 */
export function keysetSlice<R, K>(rows: readonly R[], limit: number, keyOf: (last: R) => K): { items: R[]; next: K | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last !== undefined ? keyOf(last) : null };
}

/** `keysetSlice` with the key encoded as the opaque cursor the client sends back for the next page. */
export function keysetPage<R>(rows: readonly R[], limit: number, keyOf: (last: R) => readonly (string | number)[]): { items: R[]; nextCursor: string | null } {
  const { items, next } = keysetSlice(rows, limit, keyOf);
  return { items, nextCursor: next === null ? null : encodeCursor(next) };
}
