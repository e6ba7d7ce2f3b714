/// <reference types="node" />
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { getTherapy } from "./catalogue";
import { MEDICATION_AGENTS, maxDosesPerDay } from "./medication-agents";

/** docs/medication-bounds.md is the readable reference of the bounds: it must say what the code enforces. */
const doc = readFileSync(fileURLToPath(new URL("../../../../docs/medication-bounds.md", import.meta.url)), "utf8");
const cells = (line: string) => line.split("|").slice(1, -1).map((c) => c.trim());
const agentRows = doc
  .split("\n")
  .filter((line) => /^\| `[a-z0-9-]+` \|/.test(line))
  .map(cells);

describe("docs/medication-bounds.md", () => {
  it.each(MEDICATION_AGENTS.map((a) => [a.id, a] as const))("lists %s with the code's route, unit and numbers", (id, agent) => {
    const row = agentRows.find((r) => r[0] === `\`${id}\``);
    expect(row).toBeDefined();
    const [, name, therapy, route, unit, min, max, perDay, dosesPerDay] = row ?? [];
    expect(name).toBe(agent.name);
    expect(therapy).toBe(`${getTherapy(agent.therapyId)?.name} (\`${agent.therapyId}\`)`);
    expect({ route, unit }).toEqual({ route: agent.route, unit: agent.unit });
    expect([Number(min), Number(max), Number(perDay)]).toEqual([agent.perDose.min, agent.perDose.max, agent.perDay.max]);
    expect(dosesPerDay?.startsWith(agent.dosing === "daily" ? `1–${maxDosesPerDay(agent)}` : "1 (")).toBe(true);
    if (agent.typicalCourse) expect(row?.[9]).toBe(agent.typicalCourse);
  });

  it("lists no agent the catalogue does not have", () => {
    const ids = new Set(MEDICATION_AGENTS.map((a) => `\`${a.id}\``));
    expect(agentRows.map((r) => r[0]).filter((id) => !ids.has(id ?? ""))).toEqual([]);
    expect(agentRows).toHaveLength(MEDICATION_AGENTS.length);
  });

  it("quotes every bound's source exactly as the code carries it", () => {
    for (const agent of MEDICATION_AGENTS) {
      expect(doc).toContain(agent.perDose.source);
      expect(doc).toContain(agent.perDay.source);
      if (agent.maxDosesPerDay) expect(doc).toContain(agent.maxDosesPerDay.source);
    }
  });
});
