import type { ReactNode } from "react";
import { cn } from "../lib/utils";
import { FieldHint, fieldControlProps } from "./field";

export interface SegmentedOption {
  value: string;
  /** What the segment shows ("7", "Yes"). */
  label: ReactNode;
  /** The radio's own accessible name when the shown label is not enough on its own ("Pain right now: 7"). */
  ariaLabel?: string;
}

/*
 * Columns as whole class names (Tailwind reads them from the source): on a phone a long scale runs in two
 * even rows (0–5 above 6–10, so "10" is never alone on a line), from `sm` up in one row.
 */
const PHONE_COLUMNS: Record<number, string> = {
  1: "grid-cols-1",
  2: "grid-cols-2",
  3: "grid-cols-3",
  4: "grid-cols-4",
  5: "grid-cols-5",
  6: "grid-cols-3",
  7: "grid-cols-4",
  8: "grid-cols-4",
  9: "grid-cols-5",
  10: "grid-cols-5",
  11: "grid-cols-6",
  12: "grid-cols-6",
};
const WIDE_COLUMNS: Record<number, string> = {
  1: "sm:grid-cols-1",
  2: "sm:grid-cols-2",
  3: "sm:grid-cols-3",
  4: "sm:grid-cols-4",
  5: "sm:grid-cols-5",
  6: "sm:grid-cols-6",
  7: "sm:grid-cols-7",
  8: "sm:grid-cols-8",
  9: "sm:grid-cols-9",
  10: "sm:grid-cols-10",
  11: "sm:grid-cols-11",
  12: "sm:grid-cols-12",
};

/* One row at every width (a 0–10 scale on one line of a phone): spelled out so Tailwind finds each class. */
const ROW_COLUMNS: Record<number, string> = {
  1: "grid-cols-1",
  2: "grid-cols-2",
  3: "grid-cols-3",
  4: "grid-cols-4",
  5: "grid-cols-5",
  6: "grid-cols-6",
  7: "grid-cols-7",
  8: "grid-cols-8",
  9: "grid-cols-9",
  10: "grid-cols-10",
  11: "grid-cols-11",
  12: "grid-cols-12",
};

/** The values of a numeric scale, e.g. 0–10. */
export function scaleOptions(min: number, max: number, ariaLabel?: (value: number) => string): SegmentedOption[] {
  return Array.from({ length: max - min + 1 }, (_, i) => {
    const value = min + i;
    return { value: String(value), label: value, ...(ariaLabel ? { ariaLabel: ariaLabel(value) } : {}) };
  });
}

/**
 * One answer from a few (a 0–10 scale, yes/no): native radios under a legend, so Tab reaches the group
 * once, the arrow keys choose within it, and the form submits without script. Each segment is a large
 * tap target (at least 48 px high); the chosen one is filled and bold, not marked by colour alone. While the
 * keyboard is in the group a hint says the arrows choose.
 */
export function SegmentedControl({
  name,
  legend,
  hint,
  options,
  defaultValue,
  required,
  disabled,
  id,
  variant = "scale",
  row = false,
  className,
  legendClassName,
  children,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly SegmentedOption[];
  defaultValue?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  /** Base of the hint's id (defaults to the name). */
  id?: string;
  /** "scale": short values (numbers) in even rows; "choices": a few answers in words ("Several days"), as many per row as fit. */
  variant?: "scale" | "choices";
  /**
   * A scale on one row at every width, narrow segments (at 360 px, 0–10 is 11 segments of about 28 px,
   * each 44 px high): for a form whose core must fit one phone screen. Otherwise 0–5 above 6–10 on a phone.
   */
  row?: boolean;
  className?: string;
  legendClassName?: string;
  /** More controls that belong to the same question (a note about the answer), inside its group. */
  children?: ReactNode;
}) {
  const base = id ?? name;
  const described = fieldControlProps(base, { hint })["aria-describedby"];
  const count = Math.min(options.length, 12);
  return (
    <fieldset data-slot="segmented-control" className={cn("group/segmented grid min-w-0 gap-2", className)} aria-describedby={described}>
      {/* Floated: a legend drawn inside the frame, not across its top edge. */}
      <legend className={cn("float-left mb-1 w-full text-base font-semibold", legendClassName)}>{legend}</legend>
      {hint ? <FieldHint id={base}>{hint}</FieldHint> : null}
      <div
        className={cn(
          "grid",
          variant === "scale" && row ? ["gap-0.5 sm:gap-1.5", ROW_COLUMNS[count]] : "gap-1.5",
          variant === "scale" && !row ? [PHONE_COLUMNS[count], WIDE_COLUMNS[count]] : null,
          variant === "choices" ? "grid-cols-[repeat(auto-fit,minmax(min(100%,8rem),1fr))]" : null,
        )}
        // A scale is also a named radiogroup ("Pain right now"); answers in words are grouped by the fieldset alone,
        // so a label such as "No" is found once, not again in a group name that happens to contain it.
        {...(variant === "scale" ? { role: "radiogroup", "aria-label": typeof legend === "string" ? legend : undefined } : {})}
      >
        {options.map((option) => (
          <label
            key={option.value}
            data-slot="segmented-control-item"
            className={cn(
              "relative flex min-w-0 cursor-pointer items-center justify-center rounded-md border-2 border-input bg-card font-semibold text-card-foreground select-none",
              variant === "scale" && row ? "min-h-11 px-0 text-base tabular-nums sm:min-h-12 sm:text-lg" : "min-h-12",
              variant === "scale" && !row ? "px-1 text-lg tabular-nums" : null,
              variant === "choices" ? "px-3 py-2 text-center text-base leading-snug" : null,
              "hover:bg-accent hover:text-accent-foreground",
              "has-[:checked]:border-primary has-[:checked]:bg-primary has-[:checked]:font-bold has-[:checked]:text-primary-foreground",
              "has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring",
              "has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60",
            )}
          >
            <input
              type="radio"
              // Transparent and over the whole segment: a tap, a click and a test's check() land on the radio itself.
              className="peer absolute inset-0 size-full cursor-pointer appearance-none opacity-0"
              name={name}
              value={option.value}
              required={required}
              disabled={disabled}
              defaultChecked={defaultValue === option.value}
              aria-label={option.ariaLabel}
            />
            <span aria-hidden={option.ariaLabel ? true : undefined} className="peer-checked:underline peer-checked:decoration-2 peer-checked:underline-offset-4">
              {option.label}
            </span>
          </label>
        ))}
      </div>
      {/* Shown while a keyboard is in the group (a screen reader announces radios and their keys itself). */}
      <p aria-hidden="true" data-slot="segmented-control-keys" className="hidden text-sm text-muted-foreground group-has-[:focus-visible]/segmented:block">
        Use ← → to choose
      </p>
      {children}
    </fieldset>
  );
}
