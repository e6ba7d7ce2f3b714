import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const routersDir = join(import.meta.dirname, "../../packages/api/src/routers");
const routerFiles = readdirSync(routersDir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

/** Import specifiers of a file, each with whether the whole import is `import type`. */
function importsOf(text: string): Array<{ spec: string; typeOnly: boolean; names: string }> {
  return [...text.matchAll(/import\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']/gs)].map((m) => ({ typeOnly: Boolean(m[1]), names: m[2] ?? "", spec: m[3] ?? "" }));
}

/**
 * A router only wires: input schema, output schema, permission and one use case. Queries, audit rows
 * and the logic between them live in packages/api/src/use-cases, where a test can reach them and
 * the procedure builders' transaction and audit rows cover them.
 */
describe("routers only wire input, permission and one use case", () => {
  it("finds the routers", () => {
    expect(routerFiles.length).toBeGreaterThan(5);
  });

  it.each(routerFiles)("%s imports nothing from @concord/db but types", (file) => {
    const text = readFileSync(join(routersDir, file), "utf8");
    const valueImports = importsOf(text).filter(({ spec, typeOnly, names }) => {
      if (spec !== "@concord/db") return false;
      if (typeOnly) return false;
      // `import { type A, type B }` is a type import too.
      const inner = names.replace(/^\{|\}$/g, "").split(",").map((n) => n.trim()).filter(Boolean);
      return inner.some((n) => !n.startsWith("type "));
    });
    expect(valueImports.map((i) => `${file} imports ${i.names} from ${i.spec}`)).toEqual([]);
  });

  it.each(routerFiles)("%s writes no audit row itself", (file) => {
    const text = readFileSync(join(routersDir, file), "utf8");
    expect(text.match(/\bwriteAudit\w*\s*\(/g) ?? []).toEqual([]);
  });
});
