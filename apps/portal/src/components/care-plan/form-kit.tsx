"use client";
import { type FormEvent, useState } from "react";
import type { PlanCommand } from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { useEditor } from "./editor-context";

/** Reads one named field of a submitted form as text ("" when absent). */
export type Fields = (name: string) => string;

/** Messages keyed by the name of the form control they are about; "form" for the form as a whole. */
export type FieldErrors = Partial<Record<string, string>>;

export const optional = (value: string) => (value.trim() === "" ? undefined : value.trim());
export const num = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));

/**
 * Every plan form goes through here: it builds one command from the form's fields and sends it
 * through the editor against the version on screen, so a stale edit always reaches the conflict
 * panel. An edit that changes nothing is still sent: the server's refusal says so in its words.
 *
 * `check` asks the domain first (the same rules the server applies) and returns messages keyed by
 * control name, so a refusal is shown next to the field it is about and nothing is sent.
 */
export function useCommandForm(
  build: (get: Fields, form: FormData) => PlanCommand,
  options: { check?: (get: Fields, form: FormData) => FieldErrors | null } = {},
) {
  const { submit, busy } = useEditor();
  const [errors, setErrors] = useState<FieldErrors>({});
  return {
    busy,
    errors,
    onSubmit: async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const element = event.currentTarget;
      const form = new FormData(element);
      const get: Fields = (k) => String(form.get(k) ?? "");
      const found = options.check?.(get, form) ?? null;
      const names = Object.keys(found ?? {});
      if (found && names.length > 0) {
        setErrors(found);
        // Keyboard and screen-reader users land on the first field to fix.
        const first = element.querySelector<HTMLElement>(names.map((n) => `[name="${n}"]`).join(", "));
        first?.focus();
        return;
      }
      setErrors({});
      const saved = await submit(build(get, form));
      if (saved) element.reset();
    },
  };
}

/** The layout of every plan form: fields stacked, full width; its buttons as wide as their words. */
export const planFormClassName = "grid content-start gap-3 [&>[data-slot=button]]:justify-self-start";

/** Fields of the plan forms: the design system's (label, control, hint, error, and their wiring). */
export { Field } from "@concord/ui/field";

/** A refusal that is about the form as a whole rather than one field. */
export function FormError({ error }: { error?: string | undefined }) {
  return error ? (
    <Alert variant="danger" role="alert">
      {error}
    </Alert>
  ) : null;
}
