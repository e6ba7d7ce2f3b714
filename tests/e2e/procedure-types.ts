import { type ProcedureInfo, listProcedures } from "@concord/api";

export function listProcedureTypes(): Record<string, ProcedureInfo["type"]> {
  return Object.fromEntries(listProcedures().map((p) => [p.path, p.type]));
}
