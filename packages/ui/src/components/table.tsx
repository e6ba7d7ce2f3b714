import type { ComponentProps } from "react";
import { cn } from "../lib/utils";

/**
 * A data table. It scrolls sideways inside its own frame, never the page; when it can scroll, the frame
 * is a focusable, labelled region so a keyboard can scroll it too (pass `regionLabel`).
 */
export function Table({ className, regionLabel, frameClassName, ...props }: ComponentProps<"table"> & { regionLabel?: string; frameClassName?: string }) {
  return (
    <div
      data-slot="table-frame"
      className={cn("relative w-full max-w-full overflow-x-auto rounded-xl border bg-card", frameClassName)}
      {...(regionLabel ? { role: "region", "aria-label": regionLabel, tabIndex: 0 } : {})}
    >
      <table data-slot="table" className={cn("w-full caption-bottom border-collapse text-left text-base", className)} {...props} />
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead data-slot="table-header" className={cn("[&_tr]:border-b", className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody data-slot="table-body" className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr data-slot="table-row" className={cn("border-b align-top transition-colors hover:bg-muted/50 data-[state=selected]:bg-accent", className)} {...props} />;
}

export function TableHead({ className, ...props }: ComponentProps<"th">) {
  return <th data-slot="table-head" className={cn("px-3 py-2.5 text-sm font-semibold text-muted-foreground", className)} {...props} />;
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td data-slot="table-cell" className={cn("px-3 py-2.5", className)} {...props} />;
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption data-slot="table-caption" className={cn("px-3 py-2 text-left font-semibold", className)} {...props} />;
}
