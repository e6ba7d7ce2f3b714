import { describe, expect, it } from "vitest";
import { type Actor, decide } from "./access/decide";
import {
  alreadyResolvedMessage,
  answerPatientQuestionInput,
  markPatientQuestionHandledInput,
  patientQuestionStatus,
  questionNotificationTitle,
  questionRecipients,
  teamQuestionStatus,
} from "./patient-questions";

const team = [
  { clinicianId: "physician", active: true },
  { clinicianId: "pt", active: true },
  { clinicianId: "ot", active: false },
  { clinicianId: "psychologist", active: true },
];

describe("questionRecipients", () => {
  it.each([
    ["the responsible clinician alone when they are active on the team", "pt", ["pt"]],
    ["every active member when nobody is responsible", null, ["physician", "pt", "psychologist"]],
    ["every active member when the responsible clinician is deactivated", "ot", ["physician", "pt", "psychologist"]],
    ["every active member when the responsible clinician has left the team", "someone-else", ["physician", "pt", "psychologist"]],
  ] as const)("tells %s", (_label, responsible, expected) => {
    expect(questionRecipients(responsible, team)).toEqual(expected);
  });

  it("tells nobody only when the team has no active clinician", () => {
    expect(questionRecipients(null, [{ clinicianId: "ot", active: false }])).toEqual([]);
  });
});

describe("wording", () => {
  it("names the patient and the item in the team's notification", () => {
    expect(questionNotificationTitle("Alex Morgan", "Mirror therapy")).toBe("Question from Alex Morgan about Mirror therapy");
    expect(questionNotificationTitle("Alex Morgan", null)).toBe("Question from Alex Morgan about their care plan");
  });

  it("tells the patient where their question stands", () => {
    expect(patientQuestionStatus("open", null)).toBe("Your team has been told");
    expect(patientQuestionStatus("answered", "Sam Lindqvist")).toBe("Answered by Sam Lindqvist");
    expect(patientQuestionStatus("handled", "Sam Lindqvist")).toBe("Seen by your team");
  });

  it("tells the team who settled a question", () => {
    expect(teamQuestionStatus("open", null)).toBe("Open question: waiting for an answer");
    expect(teamQuestionStatus("answered", "Sam Lindqvist")).toBe("Answered by Sam Lindqvist");
    expect(teamQuestionStatus("handled", "Sam Lindqvist")).toBe("Marked handled by Sam Lindqvist");
  });

  it("says who answered first, and when, in the reader's time zone", () => {
    const at = new Date("2026-12-03T14:05:00Z");
    expect(alreadyResolvedMessage("answered", "Dr Priya Shah", at, "UTC")).toBe("Already answered by Dr Priya Shah at 3 Dec 2026, 14:05 UTC. Reload to see it.");
    expect(alreadyResolvedMessage("handled", "Sam Lindqvist", at, "America/Los_Angeles")).toBe(
      "Already marked handled by Sam Lindqvist at 3 Dec 2026, 06:05 GMT-8. Reload to see it.",
    );
  });
});

describe("inputs", () => {
  const commentId = "7d1b3c1e-4b7a-4c55-9a52-3f0f5a7f0e11";
  it("accepts an answer with words and trims it", () => {
    expect(answerPatientQuestionInput.parse({ commentId, body: "  Yes, keep going.  " })).toEqual({ commentId, body: "Yes, keep going." });
  });
  it.each([
    ["an empty answer", { commentId, body: "   " }, "Write a comment."],
    ["a too-long answer", { commentId, body: "x".repeat(2001) }, "Keep comments under 2000 characters."],
    ["a malformed question id", { commentId: "42", body: "Yes" }, "This question's identifier is not valid. Reload the page and try again."],
  ])("refuses %s in words", (_label, input, message) => {
    const result = answerPatientQuestionInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
  it("needs the question id to mark it handled", () => {
    expect(markPatientQuestionHandledInput.safeParse({}).success).toBe(false);
  });
});

describe("who may settle a patient's question", () => {
  const clinician: Actor = { userId: "u1", role: "physical_therapist", patientId: null, active: true };
  const patient: Actor = { userId: "u2", role: "patient", patientId: "p1", active: true };
  const onTeam = { careTeamDiscipline: "physical_therapist" as const, isPatientSelf: false, emergencyAccess: false };
  const offTeam = { careTeamDiscipline: null, isPatientSelf: false, emergencyAccess: false };
  const self = { careTeamDiscipline: null, isPatientSelf: true, emergencyAccess: false };
  it.each([
    ["a team clinician answers", clinician, "patientQuestion.answer", onTeam, true],
    ["a team clinician marks handled", clinician, "patientQuestion.markHandled", onTeam, true],
    ["a clinician off the team cannot answer", clinician, "patientQuestion.answer", offTeam, false],
    ["the patient cannot answer their own question", patient, "patientQuestion.answer", self, false],
    ["the patient cannot mark it handled", patient, "patientQuestion.markHandled", self, false],
    ["a clinician lists questions on their own teams", clinician, "patientQuestion.worklist", undefined, true],
    ["a patient has no question worklist", patient, "patientQuestion.worklist", undefined, false],
  ] as const)("%s", (_label, actor, permission, facts, allowed) => {
    expect(decide(actor, permission, facts).allowed).toBe(allowed);
  });
});
