import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "../lib/utils";
import { controlClassName } from "./input";

/**
 * The browser's own <select>, styled: it submits with its form, works without script, and on a phone
 * opens the system picker. Use it for forms; `Select` is for rich options inside client components.
 */
export function NativeSelect({ className, wrapperClassName, ...props }: ComponentProps<"select"> & { wrapperClassName?: string }) {
  return (
    <div data-slot="native-select-wrapper" className={cn("relative w-full min-w-0", wrapperClassName)}>
      <select
        data-slot="native-select"
        className={cn(controlClassName, "min-h-10 cursor-pointer appearance-none pr-9 pointer-coarse:min-h-11 [&:has(option:checked:disabled)]:text-muted-foreground", className)}
        {...props}
      />
      <ChevronDown aria-hidden="true" className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground" />
    </div>
  );
}
