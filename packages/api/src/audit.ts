import type { Actor } from "@concord/domain";

/**
 * Who is calling which procedure: what every audit row of one call carries. The procedure builders
 * put it in the context; a use case that writes rows of its own (one per patient its answer names,
 * or a security event such as a deactivation) spreads it into them, so their action is always the
 * procedure's path.
 */
export interface ProcedureAudit {
  actorId: string;
  actorRole: string;
  action: string;
}

export function procedureAudit(actor: Actor, path: string): ProcedureAudit {
  return { actorId: actor.userId, actorRole: actor.role, action: path };
}
