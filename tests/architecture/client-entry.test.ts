import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * No zod in a browser bundle (issue 12's first-load budgets). A module whose top level builds a zod
 * schema cannot be tree-shaken away, so browser code reads the domain only through its browser-safe
 * entry, `@concord/domain/client`, and that entry's imports never reach zod:
 *   (a) no "use client" file in apps/portal/src or packages/ui/src — nor any local module one of them
 *       imports, which the bundler puts in the same chunks — imports a value from `@concord/domain`
 *       other than `@concord/domain/client` (`import type` from either is erased, so it is allowed);
 *   (b) the relative imports and re-exports reached from packages/domain/src/client.ts (type-only ones
 *       left out: they are erased) never reach a module that imports `zod`.
 */
const root = join(import.meta.dirname, "../..");
const portal = join(root, "apps/portal/src");
const ui = join(root, "packages/ui/src");
const domainClient = join(root, "packages/domain/src/client.ts");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry.startsWith(".next")) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(entry) && !entry.endsWith(".d.ts") && !/\.test\.tsx?$/.test(entry)) out.push(path);
  }
  return out;
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

/** A file opens with the "use client" directive (comments and blank lines may come first). */
function isClientFile(text: string): boolean {
  return /^\s*["']use client["']/.test(withoutComments(text));
}

interface ImportEdge {
  specifier: string;
  /** `import type …` or `export type … from`: erased by the compiler, so no code follows it. */
  typeOnly: boolean;
}

/**
 * Every static import, side-effect import and re-export (`export … from`), and dynamic `import("…")`.
 * Only a statement-level `type` counts as type-only: `import { type A }` keeps an import of the module.
 */
function importsOf(text: string): ImportEdge[] {
  const code = withoutComments(text);
  const edges: ImportEdge[] = [];
  for (const m of code.matchAll(/(?:^|[\s;}])(import|export)\s+(type\s+)?([^"'`;]*?)\s*from\s*["']([^"']+)["']/gm)) {
    edges.push({ specifier: m[4] as string, typeOnly: Boolean(m[2]) && !/^\s*\*\s*$/.test(m[3] ?? "") });
  }
  for (const m of code.matchAll(/(?:^|[\s;])import\s*["']([^"']+)["']/gm)) edges.push({ specifier: m[1] as string, typeOnly: false });
  for (const m of code.matchAll(/(?:^|[^\w.])import\s*\(\s*["']([^"']+)["']\s*\)/gm)) edges.push({ specifier: m[1] as string, typeOnly: false });
  return edges;
}

/** A relative or `~/` (portal) import resolved to its file; null for a package import. */
const isSourceFile = (path: string) => existsSync(path) && statSync(path).isFile();

function resolveLocal(fromFile: string, specifier: string, aliasRoot: string | null, exists: (path: string) => boolean): string | null {
  let base: string;
  if (specifier.startsWith("./") || specifier.startsWith("../")) base = resolve(dirname(fromFile), specifier);
  else if (specifier.startsWith("~/") && aliasRoot) base = join(aliasRoot, specifier.slice(2));
  else return null;
  const stem = base.replace(/\.(js|jsx|ts|tsx)$/, "");
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, join(stem, "index.ts"), join(stem, "index.tsx")]) {
    if (/\.(ts|tsx)$/.test(candidate) && exists(candidate)) return candidate;
  }
  return null;
}

/** A file opens with the "use server" directive: its functions run on the server, the browser gets a reference. */
function isServerActionFile(text: string): boolean {
  return /^\s*["']use server["']/.test(withoutComments(text));
}

/**
 * Each file reached from `starts` over value imports, with the chain that first reached it. A server
 * action file is reached but not walked: the bundler gives the browser a reference to each action, never
 * the file's code or its imports.
 */
function reach(starts: string[], aliasRoot: (file: string) => string | null, read: (file: string) => string, exists: (path: string) => boolean): Map<string, string[]> {
  const chains = new Map<string, string[]>(starts.map((s) => [s, [s]]));
  const queue = [...starts];
  for (let file = queue.shift(); file; file = queue.shift()) {
    const text = read(file);
    if (isServerActionFile(text)) continue;
    for (const edge of importsOf(text)) {
      if (edge.typeOnly) continue;
      const target = resolveLocal(file, edge.specifier, aliasRoot(file), exists);
      if (!target || chains.has(target)) continue;
      chains.set(target, [...(chains.get(file) ?? []), target]);
      queue.push(target);
    }
  }
  return chains;
}

/** The value imports of `@concord/domain` (the server entry, schemas and all) in one file's text. */
function serverEntryImports(text: string): string[] {
  return importsOf(text)
    .filter((e) => !e.typeOnly && (e.specifier === "@concord/domain" || (e.specifier.startsWith("@concord/domain/") && e.specifier !== "@concord/domain/client")))
    .map((e) => e.specifier);
}

/** The chain from `start` to the first module reached that imports `zod`, or null. */
function pathToZod(start: string, read = (file: string) => readFileSync(file, "utf8"), exists = isSourceFile): string[] | null {
  for (const [file, chain] of reach([start], () => null, read, exists)) {
    if (importsOf(read(file)).some((e) => !e.typeOnly && (e.specifier === "zod" || e.specifier.startsWith("zod/")))) return chain;
  }
  return null;
}

const show = (files: string[]) => files.map((f) => relative(root, f)).join(" → ");

describe("no zod in the browser bundle", () => {
  const clientFiles = [...sourceFiles(portal), ...sourceFiles(ui)].filter((f) => isClientFile(readFileSync(f, "utf8")));

  it('finds the "use client" files', () => {
    expect(clientFiles.length).toBeGreaterThan(30);
  });

  it('(a) browser code imports the domain only through @concord/domain/client ("import type" aside)', () => {
    const reached = reach(clientFiles, (f) => (f.startsWith(portal) ? portal : null), (f) => readFileSync(f, "utf8"), isSourceFile);
    const offenders = [...reached].flatMap(([file, chain]) =>
      serverEntryImports(readFileSync(file, "utf8")).map((spec) => `${show(chain)} imports a value from "${spec}"`),
    );
    expect(offenders).toEqual([]);
  });

  it("(b) nothing reached from packages/domain/src/client.ts imports zod", () => {
    const chain = pathToZod(domainClient);
    expect(chain ? show(chain) : null).toBeNull();
  });

  it("the checks catch a server-entry import, a zod import behind a re-export, and let types through", () => {
    expect(isClientFile(`// a note\n"use client";\nimport x from "y";`)).toBe(true);
    expect(isClientFile(`import x from "y";\n// "use client"`)).toBe(false);
    expect(isServerActionFile(`"use server";\nimport { runAction } from "./x";`)).toBe(true);
    expect(isServerActionFile(`"use client";`)).toBe(false);
    expect(serverEntryImports(`import { MESSAGE_MAX } from "@concord/domain";`)).toEqual(["@concord/domain"]);
    expect(serverEntryImports(`import {\n  type Goal,\n  goalLabel,\n} from "@concord/domain";`)).toEqual(["@concord/domain"]);
    expect(serverEntryImports(`import { type Goal } from "@concord/domain";`)).toEqual(["@concord/domain"]);
    expect(serverEntryImports(`import type { Goal } from "@concord/domain";\nimport { goalLabel } from "@concord/domain/client";`)).toEqual([]);

    const files: Record<string, string> = {
      "/d/client.ts": `export { a } from "./a";\nexport type { T } from "./schemas";`,
      "/d/a.ts": `import type { S } from "./schemas";\nexport * from "./b";`,
      "/d/b.ts": `import { z } from "zod";`,
      "/d/schemas.ts": `import { z } from "zod";`,
    };
    const read = (f: string) => files[f] ?? "";
    const exists = (f: string) => f in files;
    expect(pathToZod("/d/client.ts", read, exists)).toEqual(["/d/client.ts", "/d/a.ts", "/d/b.ts"]);
    files["/d/a.ts"] = `import type { S } from "./schemas";`;
    expect(pathToZod("/d/client.ts", read, exists)).toBeNull();
    expect(importsOf(`export * from "./b";`)).toEqual([{ specifier: "./b", typeOnly: false }]);
    expect(importsOf(`import "./side-effect";`)).toEqual([{ specifier: "./side-effect", typeOnly: false }]);

    // A server action file is reached (the browser holds a reference to it) but its imports are not.
    files["/d/form.tsx"] = `"use client";\nimport { send } from "./actions";`;
    files["/d/actions.ts"] = `"use server";\nimport { z } from "./b";`;
    expect([...reach(["/d/form.tsx"], () => null, read, exists).keys()]).toEqual(["/d/form.tsx", "/d/actions.ts"]);
    files["/d/actions.ts"] = `import { z } from "./b";`;
    expect([...reach(["/d/form.tsx"], () => null, read, exists).keys()]).toEqual(["/d/form.tsx", "/d/actions.ts", "/d/b.ts"]);
  });
});
