import { describe, expect, it } from "vitest";
import { type Actor, type PatientFacts, can, decide } from "./decide";
import type { Role } from "../roles";
import { PERMISSIONS, careTeamDisciplineHolds } from "./permissions";

const actor = (role: Role, overrides: Partial<Actor> = {}): Actor => ({
  userId: `u-${role}`,
  role,
  patientId: role === "patient" ? "p-1" : null,
  active: true,
  ...overrides,
});
const onTeam = (d: PatientFacts["careTeamDiscipline"]): PatientFacts => ({ careTeamDiscipline: d, isPatientSelf: false, emergencyAccess: false });
const offTeam: PatientFacts = { careTeamDiscipline: null, isPatientSelf: false, emergencyAccess: false };
const self: PatientFacts = { careTeamDiscipline: null, isPatientSelf: true, emergencyAccess: false };
const emergency: PatientFacts = { careTeamDiscipline: null, isPatientSelf: false, emergencyAccess: true };

describe("decide: table of actors × permissions", () => {
  const rows: Array<[string, Actor | null, string, PatientFacts | undefined, boolean]> = [
    ["physician on team reads patient", actor("pain_physician"), "patient.read", onTeam("pain_physician"), true],
    ["PT on team reads patient", actor("physical_therapist"), "patient.read", onTeam("physical_therapist"), true],
    ["physician off team is denied", actor("pain_physician"), "patient.read", offTeam, false],
    ["patient reads self", actor("patient"), "patient.read", self, true],
    ["patient reads another patient", actor("patient"), "patient.read", offTeam, false],
    ["admin cannot read clinical summary", actor("admin"), "patient.read", offTeam, false],
    ["admin cannot read plan even if facts claim team", actor("admin"), "carePlan.read", onTeam("pain_physician"), false],
    ["anonymous denied", null, "patient.read", onTeam("pain_physician"), false],
    ["deactivated clinician denied", actor("psychologist", { active: false }), "patient.read", onTeam("psychologist"), false],
    ["unknown permission denied", actor("pain_physician"), "patient.delete", onTeam("pain_physician"), false],
    ["patient-scoped permission without facts denied", actor("pain_physician"), "patient.read", undefined, false],
    ["clinician lists own patients", actor("occupational_therapist"), "patient.list", undefined, true],
    ["patient cannot list patients", actor("patient"), "patient.list", undefined, false],
    ["admin cannot list clinical patients", actor("admin"), "patient.list", undefined, false],
    ["admin manages accounts", actor("admin"), "admin.user.create", undefined, true],
    ["clinician cannot create accounts", actor("pain_physician"), "admin.user.create", undefined, false],
    ["pain physician registers a patient", actor("pain_physician"), "patient.register", undefined, true],
    ["admin registers a patient", actor("admin"), "patient.register", undefined, true],
    ["other disciplines do not register patients", actor("physical_therapist"), "patient.register", undefined, false],
    ["patient cannot register patients", actor("patient"), "patient.register", undefined, false],
    ["clinician cannot resend invitations", actor("pain_physician"), "admin.user.invitation.manage", undefined, false],
    ["an invitation link is accepted signed in or not", null, "account.invitation.accept", undefined, true],
    ["emergency access reads the plan", actor("physical_therapist"), "carePlan.readFull", emergency, true],
    ["emergency access reads check-ins", actor("pain_physician"), "checkIn.read", emergency, true],
    ["emergency access cannot edit the plan", actor("pain_physician"), "carePlan.edit", emergency, false],
    ["emergency access cannot comment", actor("pain_physician"), "carePlan.comment", emergency, false],
    ["emergency access cannot read messages", actor("pain_physician"), "message.read", emergency, false],
    ["emergency access cannot acknowledge alerts", actor("pain_physician"), "alert.acknowledge", emergency, false],
    ["an emergency fact does not admit a patient", actor("patient"), "patient.read", emergency, false],
    ["an emergency fact does not admit an admin", actor("admin"), "patient.read", emergency, false],
    ["compliance searches the audit log", actor("compliance_officer"), "audit.search", undefined, true],
    ["compliance reads deleted messages", actor("compliance_officer"), "deletedMessage.read", undefined, true],
    ["an admin cannot search the audit log", actor("admin"), "audit.search", undefined, false],
    ["a clinician cannot review emergency accesses", actor("pain_physician"), "emergencyAccess.review", undefined, false],
    ["compliance cannot read a patient's summary", actor("compliance_officer"), "patient.read", emergency, false],
    ["compliance cannot list patients", actor("compliance_officer"), "patient.list", undefined, false],
    ["compliance cannot break the glass", actor("compliance_officer"), "emergencyAccess.open", undefined, false],
    ["patient cannot edit plan", actor("patient"), "carePlan.edit", self, false],
    ["patient comments on own plan", actor("patient"), "carePlan.comment", self, true],
    ["patient cannot see team-only threads", actor("patient"), "thread.teamOnly", self, false],
    ["psychologist sees team-only threads", actor("psychologist"), "thread.teamOnly", onTeam("psychologist"), true],
    ["patient submits own check-in", actor("patient"), "checkIn.submit", self, true],
    ["clinician cannot submit patient's check-in", actor("pain_physician"), "checkIn.submit", onTeam("pain_physician"), false],
    ["anyone signed in reads own account", actor("patient"), "me.read", undefined, true],
    ["anyone signed in chooses their own time zone", actor("admin"), "me.timeZone.update", undefined, true],
    ["team clinician sets the patient's time zone", actor("occupational_therapist"), "patient.timeZone.update", onTeam("occupational_therapist"), true],
    ["patient sets their own day's time zone", actor("patient"), "patient.timeZone.update", self, true],
    ["admin sets a patient's time zone (not clinical content)", actor("admin"), "patient.timeZone.update", offTeam, true],
    ["clinician off the team cannot set a patient's time zone", actor("pain_physician"), "patient.timeZone.update", offTeam, false],
    ["patient cannot set another patient's time zone", actor("patient"), "patient.timeZone.update", offTeam, false],
  ];
  it.each(rows)("%s", (_label, who, permission, facts, expected) => {
    expect(can(who, permission, facts)).toBe(expected);
  });

  it("explains a denial", () => {
    const d = decide(actor("patient"), "carePlan.edit", self);
    expect(d.allowed).toBe(false);
    if (!d.allowed) expect(d.reason).toContain("carePlan.edit");
  });
});

describe("careTeamDisciplineHolds", () => {
  it.each([
    ["sideEffect.review", "pain_physician", true],
    ["sideEffect.review", "physical_therapist", false],
    ["carePlan.edit", "psychologist", true],
    ["checkIn.submit", "pain_physician", false],
  ] as const)("%s for a %s: %s", (permission, discipline, expected) => {
    expect(careTeamDisciplineHolds(permission, discipline)).toBe(expected);
  });
});

describe("emergency access is read-only by construction", () => {
  it("is listed only on read permissions of patient scope", () => {
    const withEmergency = Object.entries(PERMISSIONS).filter(([, p]) => (p.allow as readonly string[]).includes("emergencyAccess"));
    expect(withEmergency.map(([name]) => name).sort()).toEqual(
      ["alert.read", "carePlan.atVersion", "carePlan.history", "carePlan.read", "carePlan.readFull", "careTeam.read", "checkIn.read", "checkIn.review", "measure.read", "patient.read", "patient.summary.read", "sideEffect.read"].sort(),
    );
    for (const [, p] of withEmergency) expect(p.scope).toBe("patient");
  });
});
