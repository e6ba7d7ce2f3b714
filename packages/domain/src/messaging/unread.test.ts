import { describe, expect, it } from "vitest";
import { UNREAD_CAP, unreadLabel } from "./unread";

describe("unreadLabel", () => {
  it("shows a count below the cap as it is", () => {
    expect(unreadLabel(0)).toBe("0");
    expect(unreadLabel(1)).toBe("1");
    expect(unreadLabel(UNREAD_CAP - 1)).toBe(String(UNREAD_CAP - 1));
  });
  it("shows the cap and beyond as 99+", () => {
    expect(UNREAD_CAP).toBe(100);
    expect(unreadLabel(UNREAD_CAP)).toBe("99+");
    expect(unreadLabel(100_000)).toBe("99+");
  });
});
