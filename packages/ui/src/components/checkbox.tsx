import { Check } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "../lib/utils";

/*
 * The browser's own checkbox, drawn by the theme. Not Radix's: a form of checkboxes (the check-in, the
 * Budapest checklist) then needs no script at all, submits `name=on` (or its value), resets with its form,
 * works in a server component, and costs no JavaScript (Radix's was about 6 kB gzipped per page).
 */
export function Checkbox({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return (
    <span data-slot="checkbox-frame" className={cn("relative inline-flex size-5 shrink-0", className)}>
      <input
        type="checkbox"
        data-slot="checkbox"
        className="peer size-5 cursor-pointer appearance-none rounded-sm border-2 border-input bg-card checked:border-primary checked:bg-primary disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-danger"
        {...props}
      />
      <Check aria-hidden="true" strokeWidth={3} className="pointer-events-none absolute inset-0.5 hidden size-4 text-primary-foreground peer-checked:block" />
    </span>
  );
}

/** A checkbox and its words on one line, the whole line a tap target. */
export function CheckboxField({ id, label, className, ...props }: Omit<ComponentProps<"input">, "type" | "id"> & { id: string; label: ReactNode }) {
  return (
    <div data-slot="checkbox-field" className={cn("flex min-h-11 items-start gap-3 py-2", className)}>
      <Checkbox id={id} className="mt-0.5" {...props} />
      <label htmlFor={id} className="cursor-pointer leading-snug">
        {label}
      </label>
    </div>
  );
}
