import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry.startsWith(".next") || entry === "migrations") continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(entry)) out.push(path);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1] as string);
}

/** Dependencies point one way: domain ← db ← api ← portal (auth beside api). */
const RULES: Array<{ dir: string; forbidden: RegExp; why: string }> = [
  { dir: "packages/domain/src", forbidden: /^(@concord\/(db|api|auth)|drizzle-orm|pg$|@electric-sql|next|react|@trpc)/, why: "the domain is pure" },
  { dir: "packages/db/src", forbidden: /^(@concord\/(api|auth)|next|react|@trpc)/, why: "the database layer knows nothing of transport or UI" },
  { dir: "packages/api/src", forbidden: /^(drizzle-orm|pg$|@electric-sql|next|react|@concord\/auth)/, why: "the api reaches the database only through packages/db" },
  { dir: "packages/auth/src", forbidden: /^(drizzle-orm|pg$|@electric-sql|@concord\/api|react)/, why: "auth reaches the database only through packages/db" },
  { dir: "apps/portal/src", forbidden: /^(drizzle-orm|pg$|@electric-sql)/, why: "the portal never queries the database directly" },
];

describe("dependency direction", () => {
  for (const rule of RULES) {
    it(`${rule.dir}: ${rule.why}`, () => {
      const files = sourceFiles(join(root, rule.dir));
      expect(files.length).toBeGreaterThan(0);
      const violations = files.flatMap((file) =>
        importsOf(file)
          .filter((spec) => rule.forbidden.test(spec))
          .map((spec) => `${relative(root, file)} imports ${spec}`),
      );
      expect(violations).toEqual([]);
    });
  }
});

describe("licensed questionnaires store scores only", () => {
  // Distinctive phrases from licensed instruments' items must never appear in the product's source.
  const LICENSED_PHRASES = [/I'm afraid that I might injure myself/i, /It's terrible and I think it's never going to get any better/i, /Open a tight or new jar/i];
  it("no item text of licensed instruments in any source file", () => {
    const files = ["packages", "apps"].flatMap((d) => sourceFiles(join(root, d)));
    const hits = files.filter((file) => LICENSED_PHRASES.some((re) => re.test(readFileSync(file, "utf8"))));
    expect(hits.map((f) => relative(root, f))).toEqual([]);
  });
});
