import { describe, expect, it } from "vitest";
import { THEMES, THEME_COOKIE, parseTheme, themeClassName, themeCookie } from "./theme";

describe("theme choice", () => {
  it("reads a cookie value, and anything unknown as the system's", () => {
    for (const theme of THEMES) expect(parseTheme(theme)).toBe(theme);
    for (const value of [undefined, null, "", "DARK", "dark; path=/", "blue"]) expect(parseTheme(value)).toBe("system");
  });

  it("puts a class on <html> only for a forced theme", () => {
    expect(themeClassName("system")).toBeUndefined();
    expect(themeClassName("light")).toBe("light");
    expect(themeClassName("dark")).toBe("dark");
  });

  it("remembers the choice for the whole site, Secure over https", () => {
    expect(themeCookie("dark")).toMatch(new RegExp(`^${THEME_COOKIE}=dark; Path=/; Max-Age=\\d+; SameSite=Lax$`));
    expect(themeCookie("light", { secure: true })).toMatch(/; Secure$/);
  });
});
