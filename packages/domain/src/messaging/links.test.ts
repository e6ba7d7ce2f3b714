import { describe, expect, it } from "vitest";
import { tokenizeMessage } from "./links";

describe("tokenizeMessage", () => {
  it("keeps plain text as text", () => {
    expect(tokenizeMessage("<script>alert(1)</script>")).toEqual([{ type: "text", text: "<script>alert(1)</script>" }]);
  });
  it("links http and https URLs and leaves sentence punctuation outside", () => {
    expect(tokenizeMessage("See https://example.org/a?b=1. Thanks")).toEqual([
      { type: "text", text: "See " },
      { type: "link", text: "https://example.org/a?b=1", href: "https://example.org/a?b=1" },
      { type: "text", text: ". Thanks" },
    ]);
  });
  it("keeps a bracket that belongs to the URL", () => {
    const tokens = tokenizeMessage("(see https://en.wikipedia.org/wiki/CRPS_(disorder))");
    expect(tokens[1]).toMatchObject({ type: "link", text: "https://en.wikipedia.org/wiki/CRPS_(disorder)" });
    expect(tokens[2]).toEqual({ type: "text", text: ")" });
  });
  it.each(["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.org", "http://"])("never links %s", (text) => {
    expect(tokenizeMessage(text).every((t) => t.type === "text")).toBe(true);
  });
  it("does not let a quote break out of the href", () => {
    const [link] = tokenizeMessage('https://example.org/"onmouseover="x').filter((t) => t.type === "link");
    expect(link).toMatchObject({ href: "https://example.org/" });
  });
});
