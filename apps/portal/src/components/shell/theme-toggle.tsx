"use client";
import { type ReactNode, useState } from "react";
import { THEMES, THEME_LABELS, type Theme, themeClassName, themeCookie } from "@concord/ui/theme";
import { cn } from "@concord/ui/utils";


/**
 * System / Light / Dark, as three radios. The choice is written to a cookie (the server renders it on
 * <html> from then on) and applied to this page at once, without a reload or an inline script.
 */
export function ThemeToggle({ initial, icons }: { initial: Theme; icons: Record<Theme, ReactNode> }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const choose = (next: Theme) => {
    setTheme(next);
    // biome-ignore lint/suspicious/noDocumentCookie: one non-personal preference cookie; the Cookie Store API is not in every browser the portal supports.
    document.cookie = themeCookie(next, { secure: window.location.protocol === "https:" });
    const root = document.documentElement;
    for (const t of THEMES) {
      const name = themeClassName(t);
      if (name) root.classList.toggle(name, t === next);
    }
  };
  return (
    <fieldset className="flex items-center gap-2" data-testid="theme-toggle">
      <legend className="sr-only">Colour theme</legend>
      <span aria-hidden="true" className="text-sm text-muted-foreground lg:hidden">
        Theme
      </span>
      <div className="inline-flex rounded-md border bg-card p-0.5">
        {THEMES.map((t) => {
          return (
            <label
              key={t}
              title={THEME_LABELS[t]}
              className={cn(
                "relative inline-flex min-h-9 min-w-9 cursor-pointer items-center justify-center gap-1.5 rounded-sm px-2 text-sm font-medium text-muted-foreground hover:bg-accent hover:text-accent-foreground",
                "has-[:checked]:bg-primary has-[:checked]:text-primary-foreground",
                "has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring",
              )}
            >
              <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => choose(t)} className="absolute inset-0 size-full cursor-pointer appearance-none opacity-0" />
              {icons[t]}
              <span className="lg:sr-only">{THEME_LABELS[t]}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
