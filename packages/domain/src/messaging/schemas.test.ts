import { describe, expect, it } from "vitest";
import { createThreadInput, postMessageInput } from "./schemas";

const THREAD = "00000000-0000-4000-8000-000000000001";

describe("message schemas", () => {
  it("refuses empty and whitespace-only messages", () => {
    const result = postMessageInput.safeParse({ threadId: THREAD, body: "   " });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Write a message before sending.");
  });
  it("refuses oversized messages and accepts the limit", () => {
    expect(postMessageInput.safeParse({ threadId: THREAD, body: "x".repeat(4001) }).error?.issues[0]?.message).toContain("at most 4000");
    expect(postMessageInput.safeParse({ threadId: THREAD, body: "x".repeat(4000) }).success).toBe(true);
  });
  it("checks the topic length and the space", () => {
    expect(createThreadInput.safeParse({ space: "team", title: "ab", body: "hi" }).success).toBe(false);
    expect(createThreadInput.safeParse({ space: "everyone", title: "abc", body: "hi" }).success).toBe(false);
    expect(createThreadInput.safeParse({ space: "team", title: "Pregabalin titration", body: "hi" }).success).toBe(true);
  });
  it("accepts only the known reference kinds", () => {
    expect(postMessageInput.safeParse({ threadId: THREAD, body: "hi", reference: { kind: "goal", id: "pain" } }).success).toBe(true);
    expect(postMessageInput.safeParse({ threadId: THREAD, body: "hi", reference: { kind: "patient", id: "x" } }).success).toBe(false);
  });
});
