import type { ComponentProps } from "react";
import { cn } from "../lib/utils";

/** Shared look of every text-like control: the edge, the invalid state, the disabled state. */
export const controlClassName =
  "w-full min-w-0 rounded-md border border-input bg-card px-3 py-2 text-base text-card-foreground placeholder:text-muted-foreground disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-danger aria-invalid:border-2";

export function Input({ className, type, ...props }: ComponentProps<"input">) {
  return <input data-slot="input" type={type} className={cn(controlClassName, "min-h-10 pointer-coarse:min-h-11", className)} {...props} />;
}
