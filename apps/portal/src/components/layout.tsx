import type { ComponentProps } from "react";
import { cn } from "@concord/ui/utils";

/*
 * Layout pieces the portal's pages share, so a card grid or a list of facts looks the same everywhere.
 * Components of their own (rather than copied class lists) keep one home for each look.
 */

/** Cards side by side where the screen has room (each at least 18 rem), stacked on a phone. */
export function CardGrid({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("grid items-start gap-4 grid-cols-[repeat(auto-fit,minmax(min(100%,18rem),1fr))]", className)} {...props} />;
}

/** Label–value pairs ("Date of birth — 3 Mar 1984"): two columns that never overflow (long values wrap). */
export function Facts({ className, ...props }: ComponentProps<"dl">) {
  return (
    <dl
      className={cn(
        "grid grid-cols-[fit-content(45%)_minmax(0,1fr)] gap-x-4 gap-y-1.5 [&_dd]:min-w-0 [&_dd]:break-words [&_dt]:min-w-0 [&_dt]:break-words [&_dt]:text-muted-foreground",
        className,
      )}
      {...props}
    />
  );
}

/** A list of rows divided by lines (a team, a day's entries, notifications). */
export function RowList({ className, ...props }: ComponentProps<"ul">) {
  return <ul className={cn("divide-y [&>li]:py-2.5 [&>li:first-child]:pt-0 [&>li:last-child]:pb-0", className)} {...props} />;
}

/** The patient's own words, quoted (a check-in note, a comment). */
export function PatientWords({ className, ...props }: ComponentProps<"blockquote">) {
  return <blockquote className={cn("border-l-4 border-primary bg-muted px-4 py-2 text-lg whitespace-pre-wrap break-words", className)} {...props} />;
}

/** A row of buttons or links that wraps on a narrow screen. */
export function Actions({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("flex flex-wrap items-center gap-2", className)} {...props} />;
}

/** The one card of a page reached signed out (sign in, a password link, an invitation), centred. */
export function NarrowPage({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("mx-auto mt-4 flex w-full max-w-md min-w-0 flex-col gap-4 rounded-xl border bg-card p-5 text-card-foreground shadow-xs sm:mt-10 sm:p-8", className)} {...props} />;
}
