import { TRPCError } from "@trpc/server";
import type { Actor } from "@concord/domain";
import type { DbHandle } from "@concord/db";
import { fixtureHash, openTestDatabase, type TestBackend, TEST_CLINIC_SETTINGS } from "@concord/db/testing";
import { type DemoIds, buildDemoClinic } from "../demo/index";
import { createCaller } from "../root";
import { testServices } from "./services";

const TEST_SERVICES = testServices();

export type DemoActorKey = "physician" | "pt" | "ot" | "psychologist" | "outsider" | "unassigned" | "admin" | "compliance" | "alex" | "jordan" | "casey";

const ROLE_OF: Record<DemoActorKey, Actor["role"]> = {
  physician: "pain_physician",
  pt: "physical_therapist",
  ot: "occupational_therapist",
  psychologist: "psychologist",
  outsider: "pain_physician",
  unassigned: "physical_therapist",
  admin: "admin",
  compliance: "compliance_officer",
  alex: "patient",
  jordan: "patient",
  casey: "patient",
};

/** A seeded database and callers for each demo account, for tRPC caller tests. */
export async function openHarness(backend: TestBackend) {
  const handle: DbHandle = await openTestDatabase(backend);
  const ids: DemoIds = await buildDemoClinic(handle, { hashPassword: fixtureHash, settings: TEST_CLINIC_SETTINGS });
  const patientOf: Partial<Record<DemoActorKey, string>> = { alex: ids.patients.alex, jordan: ids.patients.jordan, casey: ids.patients.casey };
  const actor = (key: DemoActorKey): Actor => ({ userId: ids.users[key], role: ROLE_OF[key], patientId: patientOf[key] ?? null, active: true });
  const callerFor = (key: DemoActorKey | null) =>
    createCaller({ db: handle.db, dbKind: handle.kind, actor: key ? actor(key) : null, actorName: key, sessionId: null, settings: TEST_CLINIC_SETTINGS, services: TEST_SERVICES });
  return { handle, ids, actor, callerFor, services: TEST_SERVICES, close: () => handle.close() };
}
export type Harness = Awaited<ReturnType<typeof openHarness>>;

/** "CODE: message" of a rejected call ("OK" when it succeeds): what a caller test asserts on. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (e) {
    return e instanceof TRPCError ? `${e.code}: ${e.message}` : String(e);
  }
}

/** A complete, quiet check-in for `date` (every red flag answered no); `overrides` changes any answer. */
export function checkInInput(date: string, overrides: Record<string, unknown> = {}) {
  return {
    date,
    painNow: 6,
    painAverage: 5,
    painWorst: 8,
    symptoms: { burningPain: true, allodynia: true },
    chestPainOrBreathlessness: false,
    suddenSwelling: false,
    coldPaleLimb: false,
    signsOfInfection: false,
    newLimbAffected: false,
    bodyLocations: [{ site: "left_arm" as const }],
    sleepHours: 6.5,
    sleepQuality: 5,
    mood: 6,
    adherence: [],
    ...overrides,
  };
}
