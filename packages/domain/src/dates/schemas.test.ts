import { describe, expect, it } from "vitest";
import { CALENDAR_DATE_MESSAGE, DATE_FORMAT_MESSAGE, calendarDate, calendarDateSchema, isoDateSchema } from "./schemas";

const messageOf = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) => result.error?.issues[0]?.message;

describe("strict calendar dates", () => {
  it.each([
    ["2026-03-01", true],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2023-02-30", false],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["01/03/2026", false],
    ["2026-03-01T10:00:00Z", false],
    [" 2026-03-01", false],
  ])("%s valid: %s", (value, ok) => {
    expect(calendarDateSchema.safeParse(value).success).toBe(ok);
    expect(isoDateSchema.safeParse(value).success).toBe(ok);
    expect(calendarDate({ label: "Onset date" }).safeParse(value).success).toBe(ok);
  });

  it("names the field and says what is wrong with the value", () => {
    const dob = calendarDate({ label: "Date of birth" });
    expect(messageOf(dob.safeParse("2023-02-30"))).toBe("Date of birth 2023-02-30 is not a real calendar day: February 2023 has 28 days.");
    expect(messageOf(dob.safeParse("2024-02-30"))).toBe("Date of birth 2024-02-30 is not a real calendar day: February 2024 has 29 days.");
    expect(messageOf(dob.safeParse("2024-13-01"))).toBe("Date of birth 2024-13-01 is not a real calendar day: there is no month 13.");
    expect(messageOf(dob.safeParse("12/04/1988"))).toBe("Date of birth must be written as YYYY-MM-DD, for example 2026-03-01.");
    expect(messageOf(dob.safeParse(""))).toBe("Date of birth is missing: enter a date such as 2026-03-01.");
    expect(messageOf(dob.safeParse(19880412))).toBe("Date of birth is missing: enter a date such as 2026-03-01.");
  });

  it("keeps the fixed wording of the plan and progress schemas", () => {
    expect(messageOf(calendarDateSchema.safeParse("2023-02-30"))).toBe(CALENDAR_DATE_MESSAGE);
    expect(messageOf(isoDateSchema.safeParse("2023-02-30"))).toBe(DATE_FORMAT_MESSAGE);
    expect(messageOf(isoDateSchema.safeParse(5))).toBe(DATE_FORMAT_MESSAGE);
  });
});
