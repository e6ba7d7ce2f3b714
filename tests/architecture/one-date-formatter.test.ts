import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * One date/time formatter (issue 12): every day and moment on screen is written by the domain's
 * `formatCalendarDate` / `formatDateTime` (packages/domain/src/dates/format.ts), in the viewer's zone
 * (`When`, `ZonedTime` in components/viewer-clock.tsx). The portal never formats a date its own way:
 * no `toLocaleDateString` / `toLocaleTimeString`, no `toLocaleString()` on a date, no `new Intl.DateTimeFormat`
 * (reading the device's zone with `Intl.DateTimeFormat().resolvedOptions()` to offer it is not formatting),
 * no `toUTCString` / `toDateString`, and no ISO slice of a timestamp shown as text.
 */
const root = join(import.meta.dirname, "../..");
const portal = join(root, "apps/portal/src");
const domainDates = join(root, "packages/domain/src/dates");

function files(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry.startsWith(".next")) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else if (/\.(tsx|ts)$/.test(entry) && !/\.test\.tsx?$/.test(entry)) out.push(path);
  }
  return out;
}

const OWN_FORMATTING: Array<[string, RegExp]> = [
  ["toLocaleDateString", /\.toLocaleDateString\(/],
  ["toLocaleTimeString", /\.toLocaleTimeString\(/],
  ["toLocaleString() of a date", /(Date\([^)]*\)|At|On|date|Date|time|Time)\??\.toLocaleString\(/],
  ["new Intl.DateTimeFormat", /new Intl\.DateTimeFormat\(/],
  ["Intl.DateTimeFormat(…).format", /Intl\.DateTimeFormat\([^)]*\)\.format/],
  ["toUTCString / toDateString", /\.(toUTCString|toDateString)\(/],
  ["an ISO timestamp sliced for display", /toISOString\(\)\.slice\(/],
];

function findings(source: string): string[] {
  return source.split("\n").flatMap((line, i) =>
    OWN_FORMATTING.filter(([, pattern]) => pattern.test(line)).map(([what]) => `line ${i + 1}: ${what}`),
  );
}

describe("one date/time formatter", () => {
  const sources = files(portal);

  it("finds the portal's sources", () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it("no portal file formats a date or time its own way", () => {
    const offenders = sources.flatMap((file) => findings(readFileSync(file, "utf8")).map((f) => `${relative(root, file)} ${f}`));
    expect(offenders).toEqual([]);
  });

  it("the check sees a date formatted its own way", () => {
    // Guards the guard: each pattern must catch a line it is meant for.
    expect(findings("const a = new Date(at).toLocaleDateString('en-GB');")).toHaveLength(1);
    expect(findings("const b = new Intl.DateTimeFormat('en', { dateStyle: 'short' });")).toHaveLength(1);
    expect(findings("const c = message.createdAt.toLocaleString();")).toHaveLength(1);
    expect(findings("const d = new Date().toISOString().slice(0, 10);")).toHaveLength(1);
    expect(findings("setZone(Intl.DateTimeFormat().resolvedOptions().timeZone);")).toEqual([]);
    expect(findings("const n = AUDIT_EXPORT_MAX_ROWS.toLocaleString('en');")).toEqual([]);
  });

  it("the domain's formatter is the one home, and the portal uses it", () => {
    expect(readFileSync(join(domainDates, "format.ts"), "utf8")).toMatch(/export function formatDateTime/);
    const users = sources.filter((file) => /formatDateTime|formatCalendarDate|<When\b|<ZonedTime\b/.test(readFileSync(file, "utf8")));
    expect(users.length).toBeGreaterThan(15);
  });
});
