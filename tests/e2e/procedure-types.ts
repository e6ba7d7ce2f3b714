import { listProcedures } from "@concord/api";

export function listProcedureTypes(): Record<string, "query" | "mutation" | "subscription"> {
  return Object.fromEntries(listProcedures().map((p) => [p.path, p.type]));
}
