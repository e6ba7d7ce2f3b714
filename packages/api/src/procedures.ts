import type { Permission } from "@concord/domain";
import { appRouter } from "./root";

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  permission: Permission | undefined;
}

/** Every registered procedure with its declared permission: the authorization matrix is checked against this. */
export function listProcedures(): ProcedureInfo[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureInfo["type"]; meta?: { permission?: Permission } } }>;
  return Object.entries(procedures)
    .map(([path, procedure]) => ({ path, type: procedure._def.type, permission: procedure._def.meta?.permission }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
