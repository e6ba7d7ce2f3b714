// Zod-free: cards and forms in the browser name items; ./intervention.ts holds the schema.
import { getTherapy } from "./catalogue";
import { getAgent } from "./medication-agents";

/**
 * The fields a name is made of; every Intervention has them. Written out rather than imported, so
 * intervention.ts (which names items in its messages) and this module do not import each other.
 */
type Named = { custom: boolean; customName: string | null; therapyId: string | null; details?: { kind: string; agentId?: string | null } };

/** A medication is named by its agent ("Naproxen"), never by its class alone when the agent is known. */
export function interventionName(i: Named): string {
  if (i.custom) return i.customName ?? "Custom intervention";
  if (i.therapyId === null) return "Unknown therapy";
  const agentId = i.details?.kind === "medication" ? i.details.agentId : null;
  const agent = agentId ? getAgent(agentId) : undefined;
  return agent?.name ?? getTherapy(i.therapyId)?.name ?? i.therapyId;
}
