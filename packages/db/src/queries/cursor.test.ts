import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InvalidCursorError, cursorPart, decodeCursor, encodeCursor, keysetPage, keysetSlice } from "./cursor";

const ID = "6f1c2b1e-4a55-4c1a-9a3e-0d2b7a4f9c10";
const commentCursor = z.tuple([cursorPart.timestamp, cursorPart.uuid]);
const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString("base64url");

describe("decodeCursor", () => {
  it("gives back what encodeCursor wrote, in the formats the queries write", () => {
    for (const at of ["2026-12-01 21:11:32.123456+00", "2026-12-01 21:11:32+05:30", "2026-12-01T21:11:32.123456Z"]) {
      expect(decodeCursor(encodeCursor([at, ID]), commentCursor)).toEqual([at, ID]);
    }
    expect(decodeCursor(encodeCursor(["2026-02-28", ID]), z.tuple([cursorPart.date, cursorPart.uuid]))).toEqual(["2026-02-28", ID]);
    expect(decodeCursor(encodeCursor([0, "Zoë O'Neil", ID]), z.tuple([cursorPart.rank, cursorPart.text, cursorPart.uuid]))).toEqual([0, "Zoë O'Neil", ID]);
    expect(decodeCursor(encodeCursor([12]), z.tuple([cursorPart.int]))).toEqual([12]);
  });

  it("is null without a cursor", () => {
    expect(decodeCursor(undefined, commentCursor)).toBeNull();
    expect(decodeCursor("", commentCursor)).toBeNull();
  });

  it.each([
    ["not base64 JSON", "%%%"],
    ["JSON that is not a tuple", forged({ a: 1 })],
    ["the wrong arity", forged(["2026-12-01 10:00:00+00"])],
    ["a uuid that is not one", forged(["a", "not-a-uuid"])],
    ["a month 13", forged(["2026-13-01 10:00:00+00", ID])],
    ["30 February", forged(["2026-02-30 10:00:00+00", ID])],
    ["hour 25", forged(["2026-12-01 25:00:00+00", ID])],
    ["year 0", forged(["0000-01-01 10:00:00+00", ID])],
    ["a number for a timestamp", forged([1_700_000_000, ID])],
  ])("refuses %s with a clear message", (_label, cursor) => {
    expect(() => decodeCursor(cursor, commentCursor)).toThrow(InvalidCursorError);
    expect(() => decodeCursor(cursor, commentCursor)).toThrow("This page link is not valid. Go back to the first page.");
  });

  it("refuses dates, numbers and text Postgres could not take", () => {
    expect(() => decodeCursor(forged(["0000-01-01"]), z.tuple([cursorPart.date]))).toThrow(InvalidCursorError);
    expect(() => decodeCursor(forged(["2026-02-30"]), z.tuple([cursorPart.date]))).toThrow(InvalidCursorError);
    expect(() => decodeCursor(forged([2 ** 31]), z.tuple([cursorPart.int]))).toThrow(InvalidCursorError);
    expect(() => decodeCursor(forged([-1]), z.tuple([cursorPart.int]))).toThrow(InvalidCursorError);
    expect(() => decodeCursor(forged([2, "a", ID]), z.tuple([cursorPart.rank, cursorPart.text, cursorPart.uuid]))).toThrow(InvalidCursorError);
    expect(() => decodeCursor(forged(["a\u0000", ID]), z.tuple([cursorPart.text, cursorPart.uuid]))).toThrow(InvalidCursorError);
  });
});

describe("keysetPage", () => {
  const rows = [
    { name: "Ana", id: "a" },
    { name: "Ben", id: "b" },
    { name: "Cy", id: "c" },
  ];
  const key = (r: { name: string; id: string }) => [r.name, r.id];

  it("keeps the first `limit` rows and points the next page at the last of them when a row was left over", () => {
    const page = keysetPage(rows, 2, key);
    expect(page.items).toEqual(rows.slice(0, 2));
    expect(decodeCursor(page.nextCursor ?? undefined, z.tuple([cursorPart.text, z.string()]))).toEqual(["Ben", "b"]);
  });

  it("has no next page when the rows fit (limit + 1 fetched, limit or fewer came back)", () => {
    expect(keysetPage(rows, 3, key)).toEqual({ items: rows, nextCursor: null });
    expect(keysetPage(rows, 5, key)).toEqual({ items: rows, nextCursor: null });
    expect(keysetPage([], 5, key)).toEqual({ items: [], nextCursor: null });
  });

  it("keysetSlice gives the raw key, for pages keyed by a message or notification id", () => {
    const ids = [{ id: 9 }, { id: 7 }, { id: 4 }];
    expect(keysetSlice(ids, 2, (r) => r.id)).toEqual({ items: [{ id: 9 }, { id: 7 }], next: 7 });
    expect(keysetSlice(ids, 3, (r) => r.id)).toEqual({ items: ids, next: null });
  });
});
