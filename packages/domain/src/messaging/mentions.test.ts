import { describe, expect, it } from "vitest";
import { type MentionCandidate, parseMentions } from "./mentions";

const TEAM: MentionCandidate[] = [
  { userId: "maya", name: "Dr. Maya Okafor", discipline: "pain_physician" },
  { userId: "sam", name: "Sam Lindqvist", discipline: "physical_therapist" },
  { userId: "priya", name: "Priya Raman", discipline: "occupational_therapist" },
  { userId: "jonah", name: "Dr. Jonah Weiss", discipline: "psychologist" },
];

describe("parseMentions", () => {
  it.each([
    ["@PT can you check the range of motion?", ["sam"], []],
    ["@physician and @OT please", ["maya", "priya"], []],
    ["@psychologist: pacing plan", ["jonah"], []],
    ["Thanks @Sam Lindqvist.", ["sam"], []],
    ["Thanks @Sam, and @Maya Okafor too", ["sam", "maya"], []],
    ["(@Dr. Jonah Weiss) see above", ["jonah"], []],
    ["email sam@clinic.example is not a mention", [], []],
    ["@pt lower case works", ["sam"], []],
    ["@PT @PT @Sam once", ["sam"], []],
    ["@Tom is not on the team", [], ["@Tom"]],
    ["@Samuel is not Sam", [], ["@Samuel"]],
    ["nothing here", [], []],
  ])("%s", (body, users, unknown) => {
    const result = parseMentions(body, TEAM);
    expect(result.userIds.sort()).toEqual([...users].sort());
    expect(result.unknown).toEqual(unknown);
  });

  it("reports a discipline the team does not have", () => {
    expect(parseMentions("@OT?", TEAM.filter((c) => c.discipline !== "occupational_therapist")).unknown).toEqual(["@OT"]);
  });

  it("treats a first name shared by two people as ambiguous", () => {
    const two = [...TEAM, { userId: "sam2", name: "Sam Other", discipline: "psychologist" as const }];
    expect(parseMentions("@Sam hi", two)).toEqual({ userIds: [], unknown: ["@Sam"] });
    expect(parseMentions("@Sam Other hi", two)).toEqual({ userIds: ["sam2"], unknown: [] });
  });

  it("mentions the patient only when the patient is a candidate", () => {
    const withPatient = [...TEAM, { userId: "alex", name: "Alex Morgan", discipline: null }];
    expect(parseMentions("@Alex how was the week?", withPatient).userIds).toEqual(["alex"]);
    expect(parseMentions("@Alex how was the week?", TEAM).unknown).toEqual(["@Alex"]);
  });
});
