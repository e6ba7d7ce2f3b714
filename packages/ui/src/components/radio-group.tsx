import type { ComponentProps, ReactNode } from "react";
import { cn } from "../lib/utils";

/*
 * The browser's own radios, drawn by the theme: one tab stop per group, arrow keys move and choose,
 * each submits `name=value` with its form, and no script is needed (the same reasons as Checkbox).
 * Give every radio of a group the same `name`.
 */
export function RadioGroup({ className, ...props }: ComponentProps<"div">) {
  return <div role="radiogroup" data-slot="radio-group" className={cn("grid gap-2", className)} {...props} />;
}

export function RadioGroupItem({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return (
    <input
      type="radio"
      data-slot="radio-group-item"
      className={cn(
        "size-5 shrink-0 cursor-pointer appearance-none rounded-full border-2 border-input bg-card checked:border-[6px] checked:border-primary disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-danger",
        className,
      )}
      {...props}
    />
  );
}

/** One radio and its words, the whole line a tap target. */
export function RadioField({ id, label, className, ...props }: Omit<ComponentProps<"input">, "type" | "id"> & { id: string; label: ReactNode }) {
  return (
    <div data-slot="radio-field" className={cn("flex min-h-11 items-center gap-3", className)}>
      <RadioGroupItem id={id} {...props} />
      <label htmlFor={id} className="cursor-pointer leading-snug">
        {label}
      </label>
    </div>
  );
}
