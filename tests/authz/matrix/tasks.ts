import { type MatrixRow, CLINICIANS, TEAM, allow } from "./types";

export const tasksRows: MatrixRow[] = [
  // Every clinician may ask; the query returns only their own items on their own teams.
  { path: "tasks.mine", patientScoped: false, input: () => ({ limit: 10 }), expect: allow(...CLINICIANS) },
  // The team's plan as an earlier version left it (version 1 exists in the demo plan).
  { path: "carePlanHistory.atVersion", patientScoped: true, input: (c) => ({ patientId: c.patientId, version: 1 }), expect: allow(...TEAM) },
];
