import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InvalidCursorError, cursorPart, decodeCursor, encodeCursor } from "./cursor";

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
