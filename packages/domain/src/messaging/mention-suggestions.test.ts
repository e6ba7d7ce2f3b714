import { describe, expect, it } from "vitest";
import { activeMention, filterSuggestions, mentionSuggestions } from "./mention-suggestions";
import { parseMentions } from "./mentions";

const TEAM = [
  { userId: "maya", name: "Dr. Maya Okafor", discipline: "pain_physician" as const },
  { userId: "sam", name: "Sam Lindqvist", discipline: "physical_therapist" as const },
];

describe("mention suggestions", () => {
  it("offers only disciplines someone holds, then people by name without a title", () => {
    expect(mentionSuggestions(TEAM).map((s) => s.handle)).toEqual(["physician", "PT", "Maya Okafor", "Sam Lindqvist"]);
  });

  it("offers the patient only when the patient is a participant", () => {
    const shared = [...TEAM, { userId: "alex", name: "Alex Morgan", discipline: null }];
    expect(mentionSuggestions(shared).find((s) => s.handle === "Alex Morgan")?.description).toBe("Alex Morgan, patient");
  });

  it("inserts only handles the server accepts", () => {
    for (const s of mentionSuggestions(TEAM)) expect(parseMentions(`@${s.handle} hi`, TEAM).unknown).toEqual([]);
  });

  it.each([
    ["@", 1, { start: 0, query: "" }],
    ["hi @ph", 6, { start: 3, query: "ph" }],
    ["(@Maya Ok", 9, { start: 1, query: "Maya Ok" }],
    ["sam@clinic", 10, null],
    ["@PT\nnext", 8, null],
    ["@ space", 7, null],
  ])("finds the mention being typed in %j", (text, caret, expected) => {
    expect(activeMention(text, caret)).toEqual(expected);
  });

  it("matches the start of the handle or of any word in it", () => {
    const all = mentionSuggestions(TEAM);
    expect(filterSuggestions(all, "ph").map((s) => s.handle)).toEqual(["physician"]);
    expect(filterSuggestions(all, "ok").map((s) => s.handle)).toEqual(["Maya Okafor"]);
    expect(filterSuggestions(all, "maya o").map((s) => s.handle)).toEqual(["Maya Okafor"]);
    expect(filterSuggestions(all, "PT please")).toEqual([]);
    expect(filterSuggestions(all, "")).toHaveLength(4);
  });
});
