// Zod-free: the plan editor in the browser reads the statuses and moves; ./intervention.ts builds the schema.

export const INTERVENTION_STATUSES = ["proposed", "active", "paused", "completed", "stopped"] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

/** Allowed moves. Completed and stopped are terminal: restarting is a new, separately reviewed item. */
export const STATUS_TRANSITIONS: Record<InterventionStatus, readonly InterventionStatus[]> = {
  proposed: ["active", "stopped"],
  active: ["paused", "completed", "stopped"],
  paused: ["active", "completed", "stopped"],
  completed: [],
  stopped: [],
};
