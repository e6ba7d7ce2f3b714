"use client";
import { type ReactNode, createContext, useContext } from "react";
import { formatDateTime } from "@concord/domain/client";

/**
 * The signed-in person's clock, from the server: the zone every time is shown in (their own choice,
 * else the clinic's) and the day it is there. Explicit rather than the browser's zone, so the page
 * reads the same when rendered on the server and in the browser, and on a device set to another zone.
 */
export interface ViewerClock {
  timeZone: string;
  today: string;
}

const ViewerClockContext = createContext<ViewerClock | null>(null);

export function ViewerClockProvider({ clock, children }: { clock: ViewerClock; children: ReactNode }) {
  return <ViewerClockContext.Provider value={clock}>{children}</ViewerClockContext.Provider>;
}

export function useViewerClock(): ViewerClock {
  const clock = useContext(ViewerClockContext);
  if (!clock) throw new Error("useViewerClock needs a ViewerClockProvider (the root layout provides one)");
  return clock;
}

/** "1 Dec 2026, 09:12 PST": an instant as text, in the viewer's zone, named. */
export function ZonedTime({ at }: { at: Date | string | number }) {
  return <>{formatDateTime(at, useViewerClock().timeZone)}</>;
}

/** The same inside a machine-readable <time> element; it never breaks across lines (a table's dates stay whole). */
export function When({ at, className }: { at: Date | string | number; className?: string }) {
  const instant = new Date(at);
  const iso = Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
  return (
    <time className={className ? `whitespace-nowrap ${className}` : "whitespace-nowrap"} dateTime={iso}>
      <ZonedTime at={at} />
    </time>
  );
}
