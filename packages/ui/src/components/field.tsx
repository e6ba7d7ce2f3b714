import { type ComponentProps, type ReactElement, type ReactNode, cloneElement, isValidElement } from "react";
import { cn } from "../lib/utils";
import { Label } from "./label";

/** The ids a control's hint and error carry, so the wiring is the same everywhere: `<id>-hint`, `<id>-error`. */
export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

export interface FieldControlProps {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/** The accessibility wiring of a control that has an optional hint and an optional error message. */
export function fieldControlProps(id: string, { hint, error, describedBy }: { hint?: unknown; error?: unknown; describedBy?: string | undefined } = {}): FieldControlProps {
  const ids = [...new Set([...(describedBy?.split(/\s+/) ?? []), hint ? hintId(id) : "", error ? errorId(id) : ""].filter(Boolean))].join(" ");
  return { id, ...(error ? { "aria-invalid": true as const } : {}), ...(ids ? { "aria-describedby": ids } : {}) };
}

export function FieldHint({ id, className, ...props }: ComponentProps<"p"> & { id: string }) {
  return <p data-slot="field-hint" id={hintId(id)} className={cn("text-sm text-muted-foreground", className)} {...props} />;
}

/** A refusal about one field, in words, tied to the control by `aria-describedby`. */
export function FieldError({ id, className, ...props }: ComponentProps<"p"> & { id: string }) {
  return <p data-slot="field-error" id={errorId(id)} className={cn("text-sm font-semibold text-danger-soft-foreground", className)} {...props} />;
}

/**
 * A label, its control, a hint and an error. The control (one element, or a render function for a
 * control that is not the direct child) gets the id, `aria-describedby` naming the hint and the error,
 * and `aria-invalid` while there is an error.
 */
export function Field({
  id,
  label,
  hint,
  error,
  errorRole,
  className,
  labelClassName,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** "alert" when the message appears after a submit and must be announced at once. */
  errorRole?: "alert";
  className?: string;
  labelClassName?: string;
  children: ReactElement<Record<string, unknown>> | ((control: FieldControlProps) => ReactNode);
}) {
  let control: ReactNode;
  if (typeof children === "function") {
    control = children(fieldControlProps(id, { hint, error }));
  } else if (isValidElement(children)) {
    const own = children.props["aria-describedby"];
    control = cloneElement(children, fieldControlProps(id, { hint, error, describedBy: typeof own === "string" ? own : undefined }) as unknown as Record<string, unknown>);
  } else {
    control = children;
  }
  return (
    <div data-slot="field" data-invalid={error ? "true" : undefined} className={cn("grid min-w-0 content-start gap-1.5", className)}>
      <Label htmlFor={id} className={labelClassName}>
        {label}
      </Label>
      {control}
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      {error ? (
        <FieldError id={id} role={errorRole}>
          {error}
        </FieldError>
      ) : null}
    </div>
  );
}

/** A group of controls under one legend (radios, checkboxes, a section of a long form). */
export function Fieldset({
  legend,
  legendClassName,
  className,
  children,
  ...props
}: ComponentProps<"fieldset"> & { legend: ReactNode; legendClassName?: string }) {
  return (
    <fieldset data-slot="fieldset" className={cn("grid min-w-0 gap-3", className)} {...props}>
      {/* Floated: a legend drawn inside the frame, not across its top edge. */}
      <legend className={cn("float-left mb-2 w-full text-base font-semibold", legendClassName)}>{legend}</legend>
      {children}
    </fieldset>
  );
}
