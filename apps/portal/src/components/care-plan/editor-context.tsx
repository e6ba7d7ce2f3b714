"use client";
import { createContext, useContext } from "react";
import type { PlanCommand } from "@concord/domain/client";
import type { RouterOutputs } from "@concord/api";

/**
 * The care-plan editor's shared state, in a module of its own: the editor provides it and every
 * plan form reads it, so no form imports the editor (which imports the forms).
 */
export type PlanData = RouterOutputs["carePlan"]["get"];

export interface EditorApi {
  patientId: string;
  data: PlanData;
  /** Sends one command against the version on screen; resolves true when it was saved. */
  submit: (command: PlanCommand) => Promise<boolean>;
  /**
   * Sends one item's edit form: resolves saved (a toast says so), refused as stale (the conflict
   * panel says why) or refused with the error, for the form to put beside its fields.
   */
  edit: (command: PlanCommand, options: { label: string }) => Promise<EditResult>;
  busy: boolean;
  /** Under emergency access: the plan is shown with no form that changes it. */
  readOnly: boolean;
}

export type EditResult = { saved: true; conflict: false } | { saved: false; conflict: boolean; error: unknown };

export const EditorContext = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const api = useContext(EditorContext);
  if (!api) throw new Error("useEditor outside CarePlanEditor");
  return api;
}
