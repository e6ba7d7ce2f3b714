import { describe, expect, it } from "vitest";
import { INT4_MAX, UNSAFE_TEXT_MESSAGE, findUnsafeText, hasUnsafeText, safeString } from "./text";
import { messageBody, threadTitle } from "./messaging/schemas";
import { searchText } from "./patients";
import { editCheckInInput, limbTemperatureInput } from "./progress/inputs";
import { checkInSchema } from "./progress/check-in";

describe("hasUnsafeText", () => {
  it.each([
    ["a NUL", "a\u0000b", true],
    ["a lone high surrogate", "x\uD83D", true],
    ["a lone low surrogate", "\uDE00x", true],
    ["a high surrogate before a letter", "\uD83Dx", true],
    ["an emoji (a valid pair)", "pain 😀 today", false],
    ["accented and CJK text", "Zoë, 疼痛", false],
    ["control characters other than NUL", "tab\tnew\nline", false],
    ["empty text", "", false],
  ])("%s → %s", (_label, value, unsafe) => {
    expect(hasUnsafeText(value)).toBe(unsafe);
  });
});

describe("findUnsafeText", () => {
  it("finds a value deep inside objects and arrays, and names its path", () => {
    expect(findUnsafeText({ a: [1, { note: "ok" }, { note: "bad\u0000" }] })).toEqual(["a", 2, "note"]);
  });
  it("finds an unsafe key", () => {
    expect(findUnsafeText({ details: { "k\uD800": 1 } })).toEqual(["details", "k\uD800"]);
  });
  it("passes clean input", () => {
    expect(findUnsafeText({ a: ["x", 1, null, true, { b: "😀" }] })).toBeNull();
    expect(findUnsafeText(undefined)).toBeNull();
  });
  it("reports a bare unsafe string at the root with an empty path", () => {
    expect(findUnsafeText("\u0000")).toEqual([]);
  });
});

describe("the text schemas refuse what PostgreSQL cannot store, with one message", () => {
  const expectRefused = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) => {
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(UNSAFE_TEXT_MESSAGE);
  };
  it("safeString keeps chaining (trim, max)", () => {
    const schema = safeString().trim().max(3);
    expect(schema.parse("  ab  ")).toBe("ab");
    expectRefused(schema.safeParse("a\u0000"));
  });
  it("message bodies, thread titles and search text", () => {
    expectRefused(messageBody.safeParse("Hello\u0000"));
    expectRefused(threadTitle.safeParse("Topic \uD800"));
    expectRefused(searchText.safeParse("al\u0000"));
    expect(messageBody.parse("Hello 😀")).toBe("Hello 😀");
  });
  it("text stored as JSON: a check-in note and a limb-temperature site", () => {
    const noteIssues = checkInSchema.safeParse({ note: "slept badly \uDC00" }).error?.issues ?? [];
    expect(noteIssues.find((i) => i.path.join(".") === "note")?.message).toBe(UNSAFE_TEXT_MESSAGE);
    expectRefused(limbTemperatureInput.shape.site.safeParse("dorsum\u0000"));
  });
  it("bounds a version to what an integer column holds", () => {
    const version = editCheckInInput.shape.expectedVersion;
    expect(version.safeParse(INT4_MAX).success).toBe(true);
    expect(version.safeParse(INT4_MAX + 1).success).toBe(false);
  });
});

describe("findUnsafeText on unusual shapes", () => {
  it("walks input nested far deeper than any form, without overflowing", () => {
    let deep: unknown = "bad\u0000";
    for (let i = 0; i < 20_000; i += 1) deep = [deep];
    expect(findUnsafeText(deep)).toHaveLength(20_000);
    // What it proves is "no stack overflow"; the 20,000-long path takes seconds on a loaded 2-core machine.
  }, 30_000);
  it("looks inside a Set or Map a client could send through superjson", () => {
    expect(findUnsafeText({ m: new Map([["k", "x\uD800"]]) })).toEqual(["m", "k"]);
    expect(findUnsafeText({ s: new Set(["ok", "\u0000"]) })).toEqual(["s", 1]);
  });
});
