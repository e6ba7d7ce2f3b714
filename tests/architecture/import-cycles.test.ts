import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * No import cycles inside a package: a cycle means a module can be read half-initialised, and that
 * two files are one design split in two. The graph is every .ts/.tsx file's relative imports (and
 * the portal's `~/` alias), type-only imports included; each cycle found is reported as a path.
 */
const root = join(import.meta.dirname, "../..");
const ROOTS = ["apps/portal/src", ...readdirSync(join(root, "packages")).map((p) => `packages/${p}/src`).filter((d) => existsSync(join(root, d)))];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry.startsWith(".next") || entry === "migrations") continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(entry) && !entry.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** Import and re-export specifiers, comments removed first so an example in a comment is no edge. */
function specifiersOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  return [...code.matchAll(/(?:^|[\s;}])(?:import|export)\s[^"'`;]*?from\s*["']([^"']+)["']|(?:^|[\s;(])import\s*\(?\s*["']([^"']+)["']/gm)].map((m) => (m[1] ?? m[2]) as string);
}

function resolveImport(fromFile: string, spec: string, srcRoot: string): string | null {
  let base: string;
  if (spec.startsWith("./") || spec.startsWith("../")) base = resolve(dirname(fromFile), spec);
  else if (spec.startsWith("~/")) base = join(srcRoot, spec.slice(2));
  else return null;
  const stem = base.replace(/\.(js|jsx|ts|tsx)$/, "");
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, join(stem, "index.ts"), join(stem, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.(ts|tsx)$/.test(candidate)) return candidate;
  }
  return null;
}

function importGraph(srcRoot: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(srcRoot)) {
    const targets = specifiersOf(readFileSync(file, "utf8"))
      .map((spec) => resolveImport(file, spec, srcRoot))
      .filter((t): t is string => t !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle's shortest witness, one per strongly connected component (Tarjan, then a BFS inside it). */
function findCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const components: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, indices.get(w) ?? 0));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = component.length === 1 && (graph.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);

  return components.map((component) => {
    const inside = new Set(component);
    const start = [...component].sort()[0] as string;
    // Shortest way from start back to start, staying inside the component.
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.shift() as string;
      for (const w of graph.get(v) ?? []) {
        if (!inside.has(w)) continue;
        if (w === start) {
          const path = [v];
          while (path[0] !== start) path.unshift(previous.get(path[0] as string) as string);
          return [...path, start];
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    return component;
  });
}

describe("import cycles", () => {
  it("the cycle finder finds a cycle, and only a cycle", () => {
    const cyclic = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", []],
    ]);
    expect(findCycles(cyclic)).toEqual([["a", "b", "c", "a"]]);
    expect(findCycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", []]]))).toEqual([]);
    expect(findCycles(new Map([["a", ["a"]]]))).toEqual([["a", "a"]]);
  });

  it("reads imports, re-exports, type imports and dynamic imports, not comments", () => {
    const text = [
      'import { a } from "./a";',
      'import type { B } from "./b";',
      'export * from "./c";',
      'export { d } from "./d";',
      'import "./e.css";',
      "const f = await import(\"./f\");",
      '// import { g } from "./g";',
      '/* export * from "./h"; */',
    ].join("\n");
    expect(specifiersOf(text)).toEqual(["./a", "./b", "./c", "./d", "./e.css", "./f"]);
  });

  for (const dir of ROOTS) {
    it(`${dir} has no import cycle`, () => {
      const srcRoot = join(root, dir);
      const graph = importGraph(srcRoot);
      expect(graph.size).toBeGreaterThan(0);
      const cycles = findCycles(graph).map((cycle) => cycle.map((f) => relative(root, f)).join(" → "));
      expect(cycles).toEqual([]);
    });
  }
});
