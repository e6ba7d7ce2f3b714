"use client";
import type { KeyboardEvent, ReactNode } from "react";

/**
 * Roving focus over a chart's points: the chart is one Tab stop, and the arrow keys (Home, End)
 * move between its points, each of which shows its tooltip while focused. The points themselves
 * are server-rendered; this only moves focus.
 */
export function ChartKeyboard({ children }: { children: ReactNode }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys = ["ArrowRight", "ArrowLeft", "ArrowUp", "ArrowDown", "Home", "End"];
    if (!keys.includes(event.key)) return;
    const points = [...event.currentTarget.querySelectorAll<SVGGElement>("[data-chart-point]")];
    const current = points.indexOf(event.target as SVGGElement);
    if (current < 0 || points.length === 0) return;
    event.preventDefault();
    const next =
      event.key === "Home" ? 0 : event.key === "End" ? points.length - 1 : event.key === "ArrowRight" || event.key === "ArrowDown" ? Math.min(points.length - 1, current + 1) : Math.max(0, current - 1);
    for (const [i, p] of points.entries()) p.setAttribute("tabindex", i === next ? "0" : "-1");
    points[next]?.focus();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the keys are handled for the focusable points inside, not for this wrapper
    <div className="min-w-0" onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}
