import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { extendTailwindMerge } from "tailwind-merge";
import { describe, expect, it } from "vitest";
import { mergeClasses } from "./class-merge";

// tailwind-merge told of this theme's own sizes (theme.css), so it knows max-w-page is a max-width.
const twMerge = extendTailwindMerge({ extend: { classGroups: { "max-w": [{ "max-w": ["page"] }] } } });

const root = resolve(import.meta.dirname, "../../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name.startsWith(".") ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The quoted strings inside each `cn(…)` and `cva(…)` call, and each `className="…"`: the class lists written in the sources. */
function classLists(dir: string): string[] {
  const found = new Set<string>();
  const add = (text: string | undefined) => {
    const list = text?.trim();
    if (list && !list.includes("${")) found.add(list);
  };
  for (const file of sourceFiles(dir)) {
    const source = readFileSync(file, "utf8");
    for (const [, text] of source.matchAll(/className="([^"]+)"/g)) add(text);
    for (const call of source.matchAll(/\b(?:cn|cva)\(/g)) {
      let depth = 1;
      let i = (call.index ?? 0) + call[0].length;
      const start = i;
      while (i < source.length && depth > 0) {
        const c = source[i];
        if (c === '"' || c === "`" || c === "'") {
          const end = source.indexOf(c, i + 1);
          i = end < 0 ? source.length : end;
        } else if (c === "(") depth++;
        else if (c === ")") depth--;
        i++;
      }
      for (const [, text] of source.slice(start, i).matchAll(/"([^"\n]+)"/g)) add(text);
    }
  }
  return [...found];
}

const uiLists = classLists(join(root, "packages/ui/src/components"));
const portalLists = classLists(join(root, "apps/portal/src"));

describe("mergeClasses gives tailwind-merge's answer on the classes Concord uses", () => {
  it("finds the class lists to compare (the corpus is not empty)", () => {
    expect(uiLists.length).toBeGreaterThan(50);
    expect(portalLists.length).toBeGreaterThan(200);
  });

  it("merges each class list of the ui and the portal on its own", () => {
    const differences = [...uiLists, ...portalLists].filter((list) => mergeClasses(list) !== twMerge(list));
    expect(differences.map((list) => ({ list, ours: mergeClasses(list), twMerge: twMerge(list) }))).toEqual([]);
  });

  it("merges every ui base list followed by every portal list (a className passed to a component)", () => {
    const differences: { list: string; ours: string; twMerge: string }[] = [];
    for (const base of uiLists) {
      for (const extra of portalLists) {
        const list = `${base} ${extra}`;
        const ours = mergeClasses(list);
        const theirs = twMerge(base, extra);
        if (ours !== theirs && differences.length < 20) differences.push({ list, ours, twMerge: theirs });
      }
    }
    expect(differences).toEqual([]);
  });

  it("lets a later class win over an earlier one of the same property, and a shorthand replace its parts", () => {
    expect(mergeClasses("px-2 py-1 px-4")).toBe("py-1 px-4");
    expect(mergeClasses("px-2 p-3")).toBe("p-3");
    expect(mergeClasses("p-3 px-2")).toBe("p-3 px-2");
    expect(mergeClasses("text-sm text-muted-foreground text-lg")).toBe("text-muted-foreground text-lg");
    expect(mergeClasses("hover:bg-accent bg-card hover:bg-muted")).toBe("bg-card hover:bg-muted");
    expect(mergeClasses("border border-danger border-2")).toBe("border-danger border-2");
    expect(mergeClasses("whitespace-nowrap whitespace-normal")).toBe("whitespace-normal");
  });
});
