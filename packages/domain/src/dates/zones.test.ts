import { describe, expect, it } from "vitest";
import { isTimeZone } from "../clinic-settings";
import { localDateOf, localDayBounds, localWeekStart, startOfLocalDay, supportedTimeZones, todayInZone, zoneOffsetMinutes } from "./zones";

const LA = "America/Los_Angeles";
const AKL = "Pacific/Auckland";

describe("the local day of an instant", () => {
  // Each row: an instant, the wall-clock time it is in that zone, and the local day it belongs to.
  it.each([
    // An ordinary December evening and early morning (PST is UTC−8; NZDT is UTC+13).
    [LA, "2026-12-02T07:30:00Z", "23:30 on 1 Dec", "2026-12-01"],
    [LA, "2026-12-02T08:30:00Z", "00:30 on 2 Dec", "2026-12-02"],
    [AKL, "2026-12-01T10:30:00Z", "23:30 on 1 Dec", "2026-12-01"],
    [AKL, "2026-12-01T11:30:00Z", "00:30 on 2 Dec", "2026-12-02"],
    // Los Angeles springs forward on 8 Mar 2026 (02:00 PST → 03:00 PDT).
    [LA, "2026-03-08T07:30:00Z", "23:30 PST on 7 Mar", "2026-03-07"],
    [LA, "2026-03-08T08:30:00Z", "00:30 PST on 8 Mar", "2026-03-08"],
    [LA, "2026-03-09T06:30:00Z", "23:30 PDT on 8 Mar", "2026-03-08"],
    [LA, "2026-03-09T07:30:00Z", "00:30 PDT on 9 Mar", "2026-03-09"],
    // …and falls back on 1 Nov 2026 (02:00 PDT → 01:00 PST).
    [LA, "2026-11-01T06:30:00Z", "23:30 PDT on 31 Oct", "2026-10-31"],
    [LA, "2026-11-01T07:30:00Z", "00:30 PDT on 1 Nov", "2026-11-01"],
    [LA, "2026-11-02T07:30:00Z", "23:30 PST on 1 Nov", "2026-11-01"],
    // Auckland falls back on 5 Apr 2026 (03:00 NZDT → 02:00 NZST)…
    [AKL, "2026-04-04T11:30:00Z", "00:30 NZDT on 5 Apr", "2026-04-05"],
    [AKL, "2026-04-05T11:30:00Z", "23:30 NZST on 5 Apr", "2026-04-05"],
    [AKL, "2026-04-05T12:30:00Z", "00:30 NZST on 6 Apr", "2026-04-06"],
    // …and springs forward on 27 Sep 2026 (02:00 NZST → 03:00 NZDT).
    [AKL, "2026-09-26T11:30:00Z", "23:30 NZST on 26 Sep", "2026-09-26"],
    [AKL, "2026-09-26T12:30:00Z", "00:30 NZST on 27 Sep", "2026-09-27"],
    [AKL, "2026-09-27T10:30:00Z", "23:30 NZDT on 27 Sep", "2026-09-27"],
    [AKL, "2026-09-27T11:30:00Z", "00:30 NZDT on 28 Sep", "2026-09-28"],
  ])("%s %s (%s) is %s", (zone, instant, _wallClock, day) => {
    expect(localDateOf(instant, zone)).toBe(day);
    expect(todayInZone(zone, new Date(instant))).toBe(day);
  });

  it("gives one instant different days in different zones", () => {
    // 17:30 on 1 Dec in Los Angeles is already 14:30 on 2 Dec in Auckland.
    const now = new Date("2026-12-02T01:30:00Z");
    expect(todayInZone(LA, now)).toBe("2026-12-01");
    expect(todayInZone(AKL, now)).toBe("2026-12-02");
    expect(todayInZone("UTC", now)).toBe("2026-12-02");
  });

  it("refuses an instant that is not a time", () => {
    expect(() => localDateOf("not a time", LA)).toThrow(RangeError);
  });

  it.each([
    [LA, "2026-12-01T12:00:00Z", -480],
    [LA, "2026-07-01T12:00:00Z", -420],
    [AKL, "2026-12-01T12:00:00Z", 780],
    [AKL, "2026-07-01T12:00:00Z", 720],
    ["Asia/Kolkata", "2026-07-01T12:00:00Z", 330],
    ["UTC", "2026-07-01T12:00:00Z", 0],
  ])("%s at %s is %i minutes from UTC", (zone, instant, minutes) => {
    expect(zoneOffsetMinutes(instant, zone)).toBe(minutes);
  });
});

describe("the start of a local day", () => {
  it.each([
    [LA, "2026-12-01", "2026-12-01T08:00:00.000Z"],
    [LA, "2026-03-08", "2026-03-08T08:00:00.000Z"],
    [LA, "2026-03-09", "2026-03-09T07:00:00.000Z"],
    [AKL, "2026-12-02", "2026-12-01T11:00:00.000Z"],
    [AKL, "2026-04-05", "2026-04-04T11:00:00.000Z"],
    [AKL, "2026-04-06", "2026-04-05T12:00:00.000Z"],
    // Chile skips midnight when it springs forward (6 Sep 2026 starts at 01:00 −03).
    ["America/Santiago", "2026-09-06", "2026-09-06T04:00:00.000Z"],
    ["UTC", "2026-12-01", "2026-12-01T00:00:00.000Z"],
  ])("%s %s starts at %s", (zone, day, start) => {
    expect(startOfLocalDay(day, zone).toISOString()).toBe(start);
  });

  it("makes daylight-saving days 23 and 25 hours long", () => {
    const hours = (day: string, zone: string) => {
      const { start, end } = localDayBounds(day, zone);
      return (end.getTime() - start.getTime()) / 3_600_000;
    };
    expect(hours("2026-03-08", LA)).toBe(23);
    expect(hours("2026-11-01", LA)).toBe(25);
    expect(hours("2026-04-05", AKL)).toBe(25);
    expect(hours("2026-09-27", AKL)).toBe(23);
    expect(hours("2026-12-01", AKL)).toBe(24);
  });

  it("refuses a day that does not exist", () => {
    expect(() => startOfLocalDay("2026-02-30", LA)).toThrow(RangeError);
  });
});

describe("the start of the local week", () => {
  it.each([
    // Sunday 6 Dec 23:30 in Los Angeles is Monday 7 Dec 20:30 in Auckland: two different weeks.
    [LA, "2026-12-07T07:30:00Z", "2026-11-30"],
    [AKL, "2026-12-07T07:30:00Z", "2026-12-07"],
    // Monday 00:30 in Los Angeles starts the new week there.
    [LA, "2026-12-07T08:30:00Z", "2026-12-07"],
    // Sunday 23:30 in Auckland is still the old week.
    [AKL, "2026-12-06T10:30:00Z", "2026-11-30"],
  ])("%s at %s: the week began on Monday %s", (zone, instant, monday) => {
    expect(localWeekStart(instant, zone)).toBe(monday);
  });
});

describe("the zones offered in forms", () => {
  it("lists UTC and the demo zones once each, and every one is accepted by the time zone check", () => {
    const zones = supportedTimeZones();
    for (const zone of ["UTC", "America/Los_Angeles", "Pacific/Auckland", "Europe/London"]) expect(zones.filter((z) => z === zone)).toHaveLength(1);
    expect(zones.every(isTimeZone)).toBe(true);
  });
});
