import { describe, expect, it } from "vitest";
import { z } from "zod";
import { firstIssueMessage, numberBetween, requiredText, wholeNumberBetween } from "./fields";

const message = "Sets must be a whole number from 1 to 20.";

describe("field builders", () => {
  it.each([
    [1, true],
    [20, true],
    [0, false],
    [21, false],
    [2.5, false],
    ["3", false],
    [undefined, false],
  ])("whole number 1–20 with %s → %s", (value, ok) => {
    const result = wholeNumberBetween(1, 20, message).safeParse(value);
    expect(result.success).toBe(ok);
    if (!result.success) expect(firstIssueMessage(result.error)).toBe(message);
  });

  it("allows fractions in numberBetween", () => {
    expect(numberBetween(0, 10, "m").safeParse(2.5).success).toBe(true);
    expect(numberBetween(0, 10, "m").safeParse(10.5).success).toBe(false);
  });

  it.each([
    ["  ab ", true],
    [" a ", false],
    ["", false],
    [null, false],
  ])("required text %j → %s", (value, ok) => {
    const result = requiredText(2, 10, "Enter a schedule.").safeParse(value);
    expect(result.success).toBe(ok);
    if (!result.success) expect(firstIssueMessage(result.error)).toBe("Enter a schedule.");
  });

  it("falls back when an error has no issues", () => {
    expect(firstIssueMessage(new z.ZodError([]), "fallback")).toBe("fallback");
  });
});
