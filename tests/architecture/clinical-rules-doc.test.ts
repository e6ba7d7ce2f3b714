import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CHECK_IN_RED_FLAGS, CHECK_IN_RED_FLAG_LABELS, RULES, RULE_SOURCES } from "@concord/domain";

/** docs/clinical-rules.md is the readable reference of the rules: it must say what the code does. */
const doc = readFileSync(fileURLToPath(new URL("../../docs/clinical-rules.md", import.meta.url)), "utf8");

describe("docs/clinical-rules.md", () => {
  it.each(RULES.map((r) => [r.id, r] as const))("describes %s with the code's logic, suggestion and source", (_id, rule) => {
    const row = doc.split("\n").find((line) => line.startsWith(`| \`${rule.id}\``));
    expect(row).toBeDefined();
    expect(row).toContain(rule.logic);
    expect(row).toContain(rule.consider);
    expect(row).toContain(rule.source);
    expect(row).toContain(`| ${rule.severity} | ${rule.kind} |`);
  });
  it("lists every red-flag question in the patient's words and every source", () => {
    for (const flag of CHECK_IN_RED_FLAGS) expect(doc).toContain(CHECK_IN_RED_FLAG_LABELS[flag]);
    for (const source of Object.values(RULE_SOURCES)) expect(doc).toContain(source);
  });
});
