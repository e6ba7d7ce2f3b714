import { defineConfig } from "vitest/config";
// The validation test indexes the whole FHIR R4 definitions once: it takes a few seconds on 2 cores.
export default defineConfig({ test: { include: ["src/**/*.test.ts"], testTimeout: 60_000 } });
