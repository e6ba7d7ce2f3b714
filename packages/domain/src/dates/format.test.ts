import { describe, expect, it } from "vitest";
import { describeTimeZone, describeTimeZones, formatCalendarDate, formatDateTime, timeZoneName } from "./format";

describe("display formats", () => {
  it.each([
    ["2026-12-01", "1 Dec 2026"],
    ["2026-12-12", "12 Dec 2026"],
    ["2027-01-05", "5 Jan 2027"],
  ])("a day %s reads %s", (date, text) => expect(formatCalendarDate(date)).toBe(text));

  it.each([
    // One instant, shown on each viewer's clock with the clock named.
    ["2026-12-01T17:12:00Z", "America/Los_Angeles", "1 Dec 2026, 09:12 PST"],
    ["2026-12-01T17:12:00Z", "Pacific/Auckland", "2 Dec 2026, 06:12 GMT+13"],
    ["2026-12-01T17:12:00Z", "America/New_York", "1 Dec 2026, 12:12 EST"],
    ["2026-12-01T17:12:00Z", "UTC", "1 Dec 2026, 17:12 UTC"],
    ["2026-07-01T17:12:00Z", "Europe/London", "1 Jul 2026, 18:12 GMT+1"],
    ["2026-07-01T17:12:00Z", "America/Los_Angeles", "1 Jul 2026, 10:12 PDT"],
    // Midnight is 00:00, never 24:00.
    ["2026-12-02T08:00:00Z", "America/Los_Angeles", "2 Dec 2026, 00:00 PST"],
  ])("%s in %s reads %s", (instant, zone, text) => {
    expect(formatDateTime(instant, zone)).toBe(text);
    expect(formatDateTime(new Date(instant), zone)).toBe(text);
  });

  it("says so when the time is not a time", () => {
    expect(formatDateTime("yesterday-ish", "UTC")).toBe("an unknown time");
  });

  it("names the zone and its offset", () => {
    expect(timeZoneName("America/Los_Angeles", "2026-12-01T12:00:00Z")).toBe("PST");
    expect(timeZoneName("Pacific/Auckland", "2026-12-01T12:00:00Z")).toBe("GMT+13");
    expect(describeTimeZone("America/Los_Angeles", "2026-12-01T12:00:00Z")).toBe("America/Los Angeles (GMT-08:00)");
  });

  it("describes a list of zones at once, keyed by zone, for a page to pass to its client part", () => {
    expect(describeTimeZones(["America/New_York", "Asia/Kolkata"], "2026-12-01T12:00:00Z")).toEqual({
      "America/New_York": "America/New York (GMT-05:00)",
      "Asia/Kolkata": "Asia/Kolkata (GMT+05:30)",
    });
  });
});
