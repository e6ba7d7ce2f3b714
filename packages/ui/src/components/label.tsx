import type { ComponentProps } from "react";
import { cn } from "../lib/utils";

/** A native <label>: it needs no script, and a click on it reaches the control it names. */
export function Label({ className, ...props }: ComponentProps<"label">) {
  // biome-ignore lint/a11y/noLabelWithoutControl: the caller ties it to its control (htmlFor, or the control inside).
  return <label data-slot="label" className={cn("text-base font-semibold leading-snug text-foreground", className)} {...props} />;
}
