import type { Permission } from "@concord/domain";
import { appRouter } from "./root";

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  permission: Permission | undefined;
  /** A query or mutation declares `.output(schema)`; its answer is parsed (and stripped) by it. */
  hasOutputSchema: boolean;
  /** A subscription names the schema each yielded event is parsed with (`meta.events`). */
  hasEventsSchema: boolean;
}

interface RegisteredProcedure {
  _def: { type: ProcedureInfo["type"]; meta?: { permission?: Permission; events?: unknown }; output?: unknown };
}

/** A zod schema (or any standard-schema validator tRPC accepts), not merely a truthy value. */
function isSchema(value: unknown): boolean {
  return typeof value === "object" && value !== null && ("~standard" in value || "safeParse" in value);
}

/**
 * Every registered procedure with its declared permission and schemas: the authorization matrix and
 * the output-schema test are checked against this.
 */
export function listProcedures(router: { _def: { procedures: object } } = appRouter): ProcedureInfo[] {
  const procedures = router._def.procedures as unknown as Record<string, RegisteredProcedure>;
  return Object.entries(procedures)
    .map(([path, procedure]) => ({
      path,
      type: procedure._def.type,
      permission: procedure._def.meta?.permission,
      hasOutputSchema: isSchema(procedure._def.output),
      hasEventsSchema: isSchema(procedure._def.meta?.events),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
