import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The theme's colour pairs against WCAG 2.1 AA, read from theme.css itself, in both themes: 4.5:1 for
 * text (1.4.3), 3:1 for the edge of a control and the focus ring (1.4.11). axe checks the rendered
 * pages too; this fails first, at the token, and names the pair.
 */
const css = readFileSync(join(import.meta.dirname, "theme.css"), "utf8");

function tokens(block: string): Map<string, string> {
  return new Map([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1] as string, (m[2] as string).toLowerCase()]));
}

const root = /:root\s*\{([\s\S]*?)@variant dark\s*\{([\s\S]*?)\}\s*\}/.exec(css);
if (!root) throw new Error("theme.css: expected `:root { … @variant dark { … } }`");
const light = tokens(root[1] as string);
const dark = new Map([...light, ...tokens(root[2] as string)]);

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const SURFACES = ["background", "card", "popover"];
const SEMANTIC = ["danger", "warning", "success", "info"];

/** [foreground token, background token, minimum ratio] */
const PAIRS: Array<[string, string, number]> = [
  ...SURFACES.flatMap((s): Array<[string, string, number]> => [
    ["foreground", s, 4.5],
    ["muted-foreground", s, 4.5],
    ["primary", s, 4.5],
    ["input", s, 3],
    ["ring", s, 3],
    ...SEMANTIC.map((k): [string, string, number] => [`${k}-soft-foreground`, s, 4.5]),
  ]),
  ["card-foreground", "card", 4.5],
  ["popover-foreground", "popover", 4.5],
  ["foreground", "muted", 4.5],
  ["muted-foreground", "muted", 4.5],
  ["accent-foreground", "accent", 4.5],
  ["foreground", "accent", 4.5],
  ["primary", "accent", 4.5],
  ["primary", "muted", 4.5],
  ["primary-foreground", "primary", 4.5],
  ["secondary-foreground", "secondary", 4.5],
  ["input", "card", 3],
  ...SEMANTIC.flatMap((k): Array<[string, string, number]> => [
    [`${k}-foreground`, k, 4.5],
    [`${k}-soft-foreground`, `${k}-soft`, 4.5],
    ["foreground", `${k}-soft`, 4.5],
    ["primary", `${k}-soft`, 4.5],
    ["muted-foreground", `${k}-soft`, 4.5],
  ]),
];

describe.each([
  ["light", light],
  ["dark", dark],
])("%s theme", (_name, theme) => {
  it.each(PAIRS)("%s on %s reaches %s:1", (fg, bg, min) => {
    const a = theme.get(fg);
    const b = theme.get(bg);
    expect(a, `--${fg} is defined`).toBeDefined();
    expect(b, `--${bg} is defined`).toBeDefined();
    expect(contrast(a as string, b as string)).toBeGreaterThanOrEqual(min);
  });
});

describe("contrast()", () => {
  it("knows the extremes", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#777777")).toBe(1);
  });
});
