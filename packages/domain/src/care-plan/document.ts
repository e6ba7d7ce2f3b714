import type { z } from "zod";
import { upgradeCarePlanDocument } from "./legacy-medication";
import { type CarePlan, carePlanSchema } from "./plan";

/**
 * The stored plan document carries `schemaVersion`. Documents saved before it existed are version 1.
 * - 1 → 2: medication entries saved before agents gain agent, doses per day and a review list
 *   (`upgradeCarePlanDocument`, which never invents a number).
 * A new shape adds one pure function to UPGRADES and bumps the constant; `parseStoredCarePlan` runs
 * the chain, so every reader sees the newest shape, and the rewrite command stores it.
 */
export const CARE_PLAN_SCHEMA_VERSION = 2;

export type StoredCarePlan = CarePlan & { schemaVersion: typeof CARE_PLAN_SCHEMA_VERSION };

type Json = Record<string, unknown>;

/** UPGRADES[n] takes a version-n document to version n + 1. Pure: no clock, no randomness, no I/O. */
const UPGRADES: Record<number, (document: Json) => Json> = {
  1: (document) => ({ ...upgradeCarePlanDocument(document), schemaVersion: 2 }),
};

/** The schema version a stored document claims: absent means 1; anything else that is not a whole number is null. */
export function storedSchemaVersion(raw: unknown): number | null {
  if (!isRecord(raw)) return null;
  if (!("schemaVersion" in raw) || raw.schemaVersion === undefined) return 1;
  const v = raw.schemaVersion;
  return typeof v === "number" && Number.isInteger(v) && v >= 1 ? v : null;
}

export interface CarePlanProblem {
  /** Where in the document, e.g. "interventions.2.details.dose" ("(document)" for the whole). */
  path: string;
  /** zod's issue code, e.g. "invalid_type"; never the stored value. */
  code: string;
}

/**
 * A stored plan that cannot be read as a plan. The message names the patient and where the document
 * is wrong (paths and zod codes), never a stored value, so it is safe in a log line and clear on screen.
 */
export class MalformedCarePlanError extends Error {
  constructor(
    readonly patientId: string,
    readonly problems: CarePlanProblem[],
  ) {
    const where = problems
      .slice(0, 5)
      .map((p) => `${p.path} (${p.code})`)
      .join("; ");
    const more = problems.length > 5 ? ` and ${problems.length - 5} more` : "";
    super(
      `The stored care plan of patient ${patientId} cannot be read, so none of it is shown: ${where}${more}. ` +
        "Nothing was changed. An administrator can list such plans with “pnpm --filter @concord/db plans:rewrite --dry-run”.",
    );
    this.name = "MalformedCarePlanError";
  }
}

/** Runs the upgrade chain up to the newest version, without validating the result. */
export function upgradeStoredCarePlan(raw: unknown, patientId: string): Json {
  const from = storedSchemaVersion(raw);
  if (from === null || !isRecord(raw)) throw new MalformedCarePlanError(patientId, [{ path: isRecord(raw) ? "schemaVersion" : "(document)", code: "invalid_type" }]);
  if (from > CARE_PLAN_SCHEMA_VERSION) {
    throw new MalformedCarePlanError(patientId, [{ path: "schemaVersion", code: `newer_than_${CARE_PLAN_SCHEMA_VERSION}` }]);
  }
  let document: Json = raw;
  for (let v = from; v < CARE_PLAN_SCHEMA_VERSION; v += 1) {
    const step = UPGRADES[v];
    if (!step) throw new MalformedCarePlanError(patientId, [{ path: "schemaVersion", code: `no_upgrade_from_${v}` }]);
    document = step(document);
  }
  return document;
}

/**
 * THE reader of stored plan JSON: upgrades older versions, then parses with the domain schema. The
 * answer is the whole plan or a MalformedCarePlanError, never part of one. The row's own columns
 * (patient, version, review date) are the truth and override the copies inside the document.
 */
export function parseStoredCarePlan(
  raw: unknown,
  row: { patientId: string; version?: number | undefined; reviewDueAt?: string | undefined },
): CarePlan {
  const upgraded = upgradeStoredCarePlan(raw, row.patientId);
  const candidate = {
    ...upgraded,
    patientId: row.patientId,
    ...(row.version === undefined ? {} : { version: row.version }),
    ...(row.reviewDueAt === undefined ? {} : { reviewDueAt: row.reviewDueAt }),
  };
  const parsed = carePlanSchema.safeParse(candidate);
  if (!parsed.success) throw new MalformedCarePlanError(row.patientId, problemsOf(parsed.error));
  return parsed.data;
}

/** The plan as it is written to storage: the newest schema version, stamped. */
export function toStoredCarePlan(plan: CarePlan): StoredCarePlan {
  return { ...plan, schemaVersion: CARE_PLAN_SCHEMA_VERSION };
}

function problemsOf(error: z.ZodError): CarePlanProblem[] {
  return error.issues.map((issue) => ({ path: issue.path.length ? issue.path.map(String).join(".") : "(document)", code: issue.code }));
}

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
