import type { Discipline } from "../roles";

/**
 * Who may be granted a permission.
 * - careTeam: a clinician who is on the patient's care team (optionally only some disciplines)
 * - patientSelf: the patient whose record it is
 * - admin: an administrator (access management only, never clinical content)
 * - anyClinician / anyPatient / anyUser: global permissions whose data is scoped by the query itself
 * - anyone: signed in or not (public pages such as "forgot password"); such a procedure must reveal
 *   nothing about who has an account
 * - emergencyAccess: a clinician not on the team who holds an unexpired emergency access to this
 *   patient ("break the glass"); listed only on reads, and a test holds every procedure that names
 *   such a permission to be a query
 * - compliance: a compliance officer (the audit trail and emergency-access reviews, never clinical
 *   content beyond what audit rows hold)
 */
export type Audience = "careTeam" | "patientSelf" | "admin" | "anyClinician" | "anyPatient" | "anyUser" | "anyone" | "emergencyAccess" | "compliance";

export interface PermissionPolicy {
  /** "patient": decided against one patient's facts. "global": not tied to one patient. */
  scope: "patient" | "global";
  allow: readonly Audience[];
  /** For careTeam and anyClinician: only these disciplines. Absent means every discipline. */
  disciplines?: readonly Discipline[];
  description: string;
}

/**
 * Every permission the product knows. A procedure must name one of these; anything not listed
 * here is denied. Finer rules (which discipline owns which plan item) live in the feature's domain
 * module and are checked by the use case on top of this.
 */
export const PERMISSIONS = {
  // Identity
  "me.read": { scope: "global", allow: ["anyUser"], description: "Read one's own account" },
  "me.timeZone.update": { scope: "global", allow: ["anyUser"], description: "Choose one's own time zone (a patient's also sets the zone of their day)" },
  "me.password.change": { scope: "global", allow: ["anyUser"], description: "Change one's own password (the current one required; other sessions signed out)" },

  // Public account pages: anyone, signed in or not; the answers reveal nothing about who has an account
  "account.passwordReset.request": { scope: "global", allow: ["anyone"], description: "Ask for a password-reset link (the same answer whether or not the account exists)" },
  "account.invitation.read": { scope: "global", allow: ["anyone"], description: "See whom an invitation link is for and whether it can still be used (the link is the proof)" },
  "account.invitation.accept": { scope: "global", allow: ["anyone"], description: "Set one's first password with an invitation link (once)" },
  "account.passwordReset.complete": { scope: "global", allow: ["anyone"], description: "Check a reset link and set a new password with it (the link is the proof)" },

  // Patients and care teams
  "patient.list": { scope: "global", allow: ["anyClinician"], description: "List the patients on one's care teams" },
  "patient.register": {
    scope: "global",
    allow: ["admin", "anyClinician"],
    disciplines: ["pain_physician"],
    description: "Register a patient and invite them by email (a registering physician joins their care team)",
  },
  "patient.read": { scope: "patient", allow: ["careTeam", "patientSelf", "emergencyAccess"], description: "Read a patient's summary" },
  "patient.summary.read": {
    scope: "patient",
    allow: ["careTeam", "emergencyAccess"],
    description: "Read the clinician's one-screen summary (medications, items by goal, open alerts, next review, recent messages the reader may see)",
  },
  "patient.accessLog.read": { scope: "patient", allow: ["patientSelf"], description: "See who has opened or changed one's own record, and when" },
  "careTeam.read": { scope: "patient", allow: ["careTeam", "patientSelf", "emergencyAccess"], description: "See who is on a patient's care team" },
  "patient.timeZone.update": {
    scope: "patient",
    allow: ["careTeam", "patientSelf", "admin"],
    description: "Set the time zone of a patient's day (not clinical content, so an administrator may too)",
  },

  // Administration: accounts and team membership, never clinical content
  "admin.user.list": { scope: "global", allow: ["admin"], description: "List accounts" },
  "admin.user.create": { scope: "global", allow: ["admin"], description: "Invite a clinician or administrator by email (they set their own password)" },
  "admin.user.invitation.manage": { scope: "global", allow: ["admin"], description: "Resend or revoke a person's invitation (never shows the link)" },
  "admin.user.deactivate": { scope: "global", allow: ["admin"], description: "Deactivate or reactivate an account" },
  "admin.user.secondFactor.reset": { scope: "global", allow: ["admin"], description: "Reset a person's two-factor sign-in (the person is told by email)" },
  "admin.careTeam.manage": { scope: "global", allow: ["admin"], description: "See patient directory and assign clinicians to care teams" },
  "admin.unroutedAlerts.read": {
    scope: "global",
    allow: ["admin"],
    description: "Patients with an open urgent alert and no active clinician to notify (names only, no clinical content)",
  },

  // Care plan
  "carePlan.read": { scope: "patient", allow: ["careTeam", "patientSelf", "emergencyAccess"], description: "Read the care plan" },
  "carePlan.readFull": {
    scope: "patient",
    allow: ["careTeam", "emergencyAccess"],
    description: "Read the whole plan document as the team works on it (team notes, stop reasons, proposals); patients read their own patient view",
  },
  "carePlan.history": { scope: "patient", allow: ["careTeam", "emergencyAccess"], description: "Read the plan's revision history (the team's change log; patients see what changed in their patient view)" },
  "carePlan.edit": { scope: "patient", allow: ["careTeam"], description: "Change the plan (discipline ownership checked per item)" },
  "carePlan.comment": { scope: "patient", allow: ["careTeam", "patientSelf"], description: "Comment on a plan item" },
  "carePlan.markSeen": { scope: "patient", allow: ["patientSelf"], description: "Record that the patient has seen the plan" },
  "carePlan.reviewList": { scope: "global", allow: ["anyClinician"], description: "Plans past review on one's teams" },
  "carePlan.atVersion": { scope: "patient", allow: ["careTeam", "emergencyAccess"], description: "Read the plan as one earlier version left it (the team's history)" },
  "tasks.mine": { scope: "global", allow: ["anyClinician"], description: "My tasks: plan items due for review where one is the responsible clinician, on one's own teams" },
  "patientQuestion.answer": { scope: "patient", allow: ["careTeam"], description: "Answer a patient's question on their plan" },
  "patientQuestion.markHandled": { scope: "patient", allow: ["careTeam"], description: "Mark a patient's question handled without a written answer" },
  "patientQuestion.worklist": { scope: "global", allow: ["anyClinician"], description: "Open patient questions on one's care teams" },

  // Progress
  "checkIn.submit": { scope: "patient", allow: ["patientSelf"], description: "Submit or edit the day's check-in" },
  "checkIn.read": { scope: "patient", allow: ["careTeam", "patientSelf", "emergencyAccess"], description: "Read check-ins" },
  "checkIn.review": { scope: "patient", allow: ["careTeam", "emergencyAccess"], description: "Read the latest check-in as a clinician, marked new since one last looked" },
  "sideEffect.read": { scope: "patient", allow: ["careTeam", "patientSelf", "emergencyAccess"], description: "Read side effects the patient reported on plan items" },
  "sideEffect.review": {
    scope: "patient",
    allow: ["careTeam"],
    disciplines: ["pain_physician"],
    description: "Confirm or annotate a side effect the patient reported on a medication",
  },
  "measure.record": { scope: "patient", allow: ["careTeam"], description: "Record a clinical measure" },
  "questionnaire.submit": { scope: "patient", allow: ["patientSelf", "careTeam"], description: "Submit a questionnaire (PHQ-9, GAD-7, PSFS)" },
  "measure.read": { scope: "patient", allow: ["careTeam", "patientSelf", "emergencyAccess"], description: "Read measures and trends" },
  "alert.read": { scope: "patient", allow: ["careTeam", "emergencyAccess"], description: "Read a patient's alerts" },
  "alert.acknowledge": { scope: "patient", allow: ["careTeam"], description: "Acknowledge an alert" },
  "alert.worklist": { scope: "global", allow: ["anyClinician"], description: "Worklist of alerts on one's teams" },
  "alert.counts": { scope: "global", allow: ["anyClinician"], description: "Counts of open urgent and review alerts on one's teams" },
  "patient.safety": { scope: "patient", allow: ["patientSelf"], description: "Whether the patient's home shows crisis resources (never the alert itself)" },

  // Messaging
  "thread.list": { scope: "patient", allow: ["careTeam", "patientSelf"], description: "List threads visible to the actor" },
  "thread.create": { scope: "patient", allow: ["careTeam", "patientSelf"], description: "Open a thread (team-only threads: clinicians only)" },
  "thread.teamOnly": { scope: "patient", allow: ["careTeam"], description: "See and post in team-only threads" },
  "message.read": { scope: "patient", allow: ["careTeam", "patientSelf"], description: "Read messages in a visible thread" },
  "message.post": { scope: "patient", allow: ["careTeam", "patientSelf"], description: "Post, edit or delete one's own message" },
  "notification.read": { scope: "global", allow: ["anyUser"], description: "Read one's own notifications" },

  // Emergency access ("break the glass"): read-only, for a limited time, audited with its reason
  "emergencyAccess.open": {
    scope: "global",
    allow: ["anyClinician"],
    description: "Open a patient's record in an emergency when not on their team: read-only, for 60 minutes, with a reason; the team and administrators are told at once",
  },
  "emergencyAccess.end": { scope: "global", allow: ["anyClinician"], description: "End one's own emergency access before its time is up" },
  "emergencyAccess.listMine": { scope: "global", allow: ["anyClinician"], description: "See one's own emergency accesses (open and past)" },

  // Compliance: the audit trail and emergency-access reviews, never clinical content beyond what audit rows hold
  "audit.search": { scope: "global", allow: ["compliance"], description: "Search the audit log (patient, person, action, outcome, dates)" },
  "audit.export": { scope: "global", allow: ["compliance"], description: "Export an audit-log search as CSV (the export is itself audited)" },
  "audit.directory": { scope: "global", allow: ["compliance"], description: "Names of staff and patients, to filter the audit log by (no clinical content)" },
  "emergencyAccess.reviewList": { scope: "global", allow: ["compliance"], description: "List emergency accesses waiting for review, and those reviewed" },
  "emergencyAccess.review": { scope: "global", allow: ["compliance"], description: "Mark an emergency access reviewed, with a note (once)" },
  "deletedMessage.read": { scope: "global", allow: ["compliance"], description: "Read the archive of deleted messages (the only place their words are kept)" },

  // Operations
  "health.read": { scope: "global", allow: ["anyUser"], description: "Service health" },
} as const satisfies Record<string, PermissionPolicy>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * Whether a care-team clinician of `discipline` holds `permission`: what a page asks before offering an
 * action (the server still decides with `decide`), so the rule is never restated in the portal.
 */
export function careTeamDisciplineHolds(permission: Permission, discipline: Discipline): boolean {
  const policy: PermissionPolicy = PERMISSIONS[permission];
  return policy.allow.includes("careTeam") && (!policy.disciplines || policy.disciplines.includes(discipline));
}
