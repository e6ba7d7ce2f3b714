import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The portal is styled through the design system (packages/ui) and Tailwind classes only: no inline
 * `style={{…}}` (a rule nobody can theme, audit for contrast or keep consistent) and no stylesheet of its
 * own beyond app/globals.css, which imports Tailwind and the ui theme. A rare, necessary exception (a
 * computed position with no class) carries `// inline-style-allowed: <why>` on the line before it.
 * SVG presentation attributes such as x= or fill= are not `style` and are not affected.
 */
const root = join(import.meta.dirname, "../..");
const portal = join(root, "apps/portal/src");
const ui = join(root, "packages/ui/src");
const ALLOW = "inline-style-allowed:";

function files(dir: string, test: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry.startsWith(".next")) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...files(path, test));
    else if (test(entry)) out.push(path);
  }
  return out;
}

/** `style={…}` or `style: {…}`-as-prop occurrences, each with its line number, unless allowed just above. */
function inlineStyles(source: string): number[] {
  const lines = source.split("\n");
  return lines.flatMap((line, i) => (/\bstyle=\{/.test(line) && !(lines[i - 1] ?? "").includes(ALLOW) && !line.includes(ALLOW) ? [i + 1] : []));
}

describe("the portal is styled by the design system", () => {
  const sources = files(portal, (n) => /\.(tsx|ts)$/.test(n));

  it("finds the portal's sources", () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it("has no inline style attribute (style={…}) in apps/portal/src", () => {
    const found = sources.flatMap((file) => inlineStyles(readFileSync(file, "utf8")).map((line) => `${relative(root, file)}:${line}`));
    expect(found).toEqual([]);
  });

  it("has no stylesheet of its own but app/globals.css, which imports Tailwind and the ui theme", () => {
    const sheets = files(portal, (n) => n.endsWith(".css")).map((f) => relative(portal, f));
    expect(sheets).toEqual(["app/globals.css"]);
    const globals = readFileSync(join(portal, "app/globals.css"), "utf8");
    expect(globals).toContain('@import "tailwindcss"');
    expect(globals).toContain('@import "@concord/ui/theme.css"');
    // Only imports and comments: a rule here would be a second home for the theme.
    const rules = globals.replace(/\/\*[\s\S]*?\*\//g, "").replace(/@import[^;]+;/g, "").trim();
    expect(rules).toBe("");
  });

  it("the check catches an inline style and honours the allow comment", () => {
    expect(inlineStyles(`<div style={{ color: "red" }} />`)).toEqual([1]);
    expect(inlineStyles(`<rect x={3} fill="red" />`)).toEqual([]);
    expect(inlineStyles(`// ${ALLOW} a computed coordinate\n<div style={{ left }} />`)).toEqual([]);
  });
});

describe("the design system stands alone", () => {
  it("packages/ui imports nothing from the product (no @concord/* package)", () => {
    const offenders = files(ui, (n) => /\.(tsx|ts)$/.test(n)).filter((file) => /from\s+["']@concord\//.test(readFileSync(file, "utf8")));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});
