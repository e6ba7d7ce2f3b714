import type { DemoIds } from "@concord/api/demo";

/** Every kind of caller the matrix checks, relative to the target patient (Alex, on the demo team). */
export const ACTOR_KINDS = [
  "physician",
  "pt",
  "ot",
  "psychologist",
  "outsider",
  "patient",
  "otherPatient",
  "admin",
  "compliance",
  "anonymous",
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export type Outcome = "allow" | "deny";

export interface MatrixContext {
  ids: DemoIds;
  /** The patient every patient-scoped row targets. */
  patientId: string;
  actor: ActorKind;
  /** A value unique to this call, for inputs that must not repeat (emails, names). */
  unique: string;
  /** Feature fixtures created once per database (e.g. a plan item id), keyed by name. */
  fixtures: Record<string, string>;
}

export interface MatrixRow {
  /** tRPC path, e.g. "patients.get". */
  path: string;
  /** Patient-scoped rows are also checked over HTTP against the running portal. */
  patientScoped: boolean;
  input: (c: MatrixContext) => unknown;
  expect: Record<ActorKind, Outcome>;
}

const DENY_ALL: Record<ActorKind, Outcome> = Object.fromEntries(ACTOR_KINDS.map((k) => [k, "deny"])) as Record<ActorKind, Outcome>;

/** Start from "everyone is denied" and list who is allowed: the table reads like the policy. */
export function allow(...kinds: ActorKind[]): Record<ActorKind, Outcome> {
  const row = { ...DENY_ALL };
  for (const kind of kinds) row[kind] = "allow";
  return row;
}

export const TEAM: ActorKind[] = ["physician", "pt", "ot", "psychologist"];
export const CLINICIANS: ActorKind[] = [...TEAM, "outsider"];

/** Every signed-in caller: what a permission for "anyUser" admits. */
export const SIGNED_IN: ActorKind[] = ACTOR_KINDS.filter((k) => k !== "anonymous");
