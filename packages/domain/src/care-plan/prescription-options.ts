// Zod-free: the choices a prescription form offers (read in the browser); ./prescription.ts builds the schemas.
import type { Discipline } from "../roles";
import type { TherapyCategory } from "./catalogue";

/** Graded motor imagery runs its stages in this order, about two weeks each. */
export const GMI_STAGES = ["left_right_judgement", "imagined_movement", "mirror_therapy"] as const;
export type GmiStage = (typeof GMI_STAGES)[number];
export const GMI_STAGE_LABELS: Record<GmiStage, string> = {
  left_right_judgement: "left/right judgement",
  imagined_movement: "imagined movement",
  mirror_therapy: "mirror therapy",
};
export const GMI_STAGE_DAYS = 14;

/** The one catalogue therapy that runs in graded motor imagery stages. */
export const GMI_THERAPY_ID = "mirror-therapy";

/**
 * Whether an item (or the therapy being added) takes a graded motor imagery stage: mirror therapy
 * from the catalogue only; a custom item never does, whatever it is called.
 */
export function takesGmiStage(item: { custom: boolean; therapyId: string | null }): boolean {
  return !item.custom && item.therapyId === GMI_THERAPY_ID;
}

export function nextGmiStage(stage: GmiStage): GmiStage | null {
  return GMI_STAGES[GMI_STAGES.indexOf(stage) + 1] ?? null;
}

export const SESSION_TYPES = ["individual", "group", "online"] as const;
export const PROCEDURE_SIDES = ["left", "right", "bilateral"] as const;

/** An intervention the team defines itself when nothing in the catalogue fits. */
export interface CustomTherapy {
  custom: true;
  name: string;
  category: TherapyCategory;
  ownerDiscipline: Discipline;
}

export type TherapyRef = string | CustomTherapy;
