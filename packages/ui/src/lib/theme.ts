/**
 * The colour theme a person chose: "system" follows the device (no class on <html>), "light" and
 * "dark" force one. Remembered in a cookie, read by the server when it renders <html>, so the first
 * paint is already right and no script has to run before it.
 */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

export const THEME_COOKIE = "concord-theme";

/** A year: the choice outlives sessions (it is not personal data, and not tied to the account). */
export const THEME_COOKIE_MAX_AGE_SECONDS = 60 * 60 * 24 * 365;

/** The theme a cookie value names; anything else (absent, tampered) is "system". */
export function parseTheme(value: string | undefined | null): Theme {
  return THEMES.includes(value as Theme) ? (value as Theme) : "system";
}

/** The class <html> carries for a theme (theme.css keys the dark tokens on it). */
export function themeClassName(theme: Theme): string | undefined {
  return theme === "system" ? undefined : theme;
}

/** The cookie text for a theme, for `document.cookie` (Secure when the page is served over https). */
export function themeCookie(theme: Theme, { secure = false }: { secure?: boolean } = {}): string {
  return `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${THEME_COOKIE_MAX_AGE_SECONDS}; SameSite=Lax${secure ? "; Secure" : ""}`;
}
