"use client";
import type { FormEvent, ReactNode } from "react";
import type { PlanCommand } from "@concord/domain";
import { useEditor } from "./care-plan-editor";

/** Reads one named field of a submitted form as text ("" when absent). */
export type Fields = (name: string) => string;

export const optional = (value: string) => (value.trim() === "" ? undefined : value.trim());
export const num = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));

/**
 * Every plan form goes through here: it builds one command from the form's fields and sends it
 * through the editor against the version on screen, so a stale edit always reaches the conflict
 * panel. An edit that changes nothing is still sent: the server's refusal says so in its words.
 */
export function useCommandForm(build: (get: Fields, form: FormData) => PlanCommand) {
  const { submit, busy } = useEditor();
  return {
    busy,
    onSubmit: async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const element = event.currentTarget;
      const form = new FormData(element);
      const saved = await submit(build((k) => String(form.get(k) ?? ""), form));
      if (saved) element.reset();
    },
  };
}

export function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <div className="muted field-hint" id={`${id}-hint`}>{hint}</div> : null}
    </div>
  );
}
