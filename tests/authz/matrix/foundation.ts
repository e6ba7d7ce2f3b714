import { DEMO_TIME_ZONES } from "@concord/api/demo";
import { type MatrixRow, CLINICIANS, TEAM, allow, SIGNED_IN } from "./types";

export const foundationRows: MatrixRow[] = [
  { path: "me.get", patientScoped: false, input: () => undefined, expect: allow(...SIGNED_IN) },
  {
    // Each caller "changes" to the zone they already have, so the rows after this one see the same days.
    path: "me.setTimeZone",
    patientScoped: false,
    input: (c) => ({ timeZone: c.actor === "patient" ? DEMO_TIME_ZONES.alex : c.actor === "otherPatient" ? DEMO_TIME_ZONES.casey : null }),
    expect: allow(...SIGNED_IN),
  },
  { path: "patients.list", patientScoped: false, input: () => ({ limit: 10 }), expect: allow(...CLINICIANS) },
  { path: "patients.get", patientScoped: true, input: (c) => ({ patientId: c.patientId }), expect: allow(...TEAM, "patient") },
  // The clinician's summary: the team only (the patient has their own pages; an outsider or admin is denied).
  { path: "patients.summary", patientScoped: true, input: (c) => ({ patientId: c.patientId }), expect: allow(...TEAM) },
  { path: "patients.accessLog", patientScoped: true, input: (c) => ({ patientId: c.patientId }), expect: allow("patient") },
  { path: "patients.careTeam", patientScoped: true, input: (c) => ({ patientId: c.patientId }), expect: allow(...TEAM, "patient") },
  { path: "patients.secondOpinion", patientScoped: true, input: (c) => ({ patientId: c.patientId }), expect: allow(...TEAM, "patient") },
  // The FHIR R4 route's reads: the same rule as the patient's own record (an admin reads nothing clinical).
  { path: "fhir.patientRecord", patientScoped: true, input: (c) => ({ patientId: c.patientId }), expect: allow(...TEAM, "patient") },
  { path: "fhir.observations", patientScoped: true, input: (c) => ({ patientId: c.patientId, source: "checkIns" }), expect: allow(...TEAM, "patient") },
  { path: "fhir.communications", patientScoped: true, input: (c) => ({ patientId: c.patientId }), expect: allow(...TEAM, "patient") },
  {
    // The target is Alex: set to the zone Alex already has. Not clinical content, so an administrator may.
    path: "patients.setTimeZone",
    patientScoped: true,
    input: (c) => ({ patientId: c.patientId, timeZone: DEMO_TIME_ZONES.alex }),
    expect: allow(...TEAM, "patient", "admin"),
  },
  { path: "admin.users.list", patientScoped: false, input: () => ({ limit: 5 }), expect: allow("admin") },
  {
    path: "admin.users.invite",
    patientScoped: false,
    input: (c) => ({ email: `new-${c.unique}@concord.test`, name: `New Clinician ${c.unique}`, role: "physical_therapist" }),
    expect: allow("admin"),
  },
  {
    path: "admin.users.setActive",
    patientScoped: false,
    input: (c) => ({ userId: c.ids.users.unassigned, active: true }),
    expect: allow("admin"),
  },
  { path: "admin.careTeams.list", patientScoped: false, input: () => ({ limit: 5 }), expect: allow("admin") },
  { path: "admin.unroutedAlerts", patientScoped: false, input: () => undefined, expect: allow("admin") },
  {
    path: "admin.careTeams.assign",
    patientScoped: false,
    input: (c) => ({ patientId: c.ids.patients.casey, clinicianId: c.ids.users.unassigned }),
    expect: allow("admin"),
  },
  {
    path: "admin.careTeams.remove",
    patientScoped: false,
    input: (c) => ({ patientId: c.ids.patients.casey, clinicianId: c.ids.users.outsider }),
    expect: allow("admin"),
  },
];
