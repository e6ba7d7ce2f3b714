import { invalid } from "../errors";

/**
 * Budapest criteria checklist. It counts what the clinician ticked; it is an aid for the clinician's
 * own assessment and never a diagnosis.
 */
export const BUDAPEST_CATEGORIES = ["sensory", "vasomotor", "sudomotor_oedema", "motor_trophic"] as const;
export type BudapestCategory = (typeof BUDAPEST_CATEGORIES)[number];

export interface BudapestItem {
  id: string;
  label: string;
}

export interface BudapestCategoryItems {
  label: string;
  /** Reported by the patient. */
  symptoms: readonly BudapestItem[];
  /** Observed at evaluation. */
  signs: readonly BudapestItem[];
}

export const BUDAPEST_ITEMS: Record<BudapestCategory, BudapestCategoryItems> = {
  sensory: {
    label: "Sensory",
    symptoms: [
      { id: "hyperesthesia", label: "Heightened sensitivity to stimuli (hyperesthesia)" },
      { id: "allodynia", label: "Pain from things that should not hurt, such as light touch (allodynia)" },
    ],
    signs: [
      { id: "hyperalgesia_pinprick", label: "Exaggerated pain to pinprick (hyperalgesia)" },
      { id: "allodynia_light_touch", label: "Pain to light touch (allodynia)" },
      { id: "allodynia_temperature", label: "Pain to temperature sensation (allodynia)" },
      { id: "allodynia_deep_pressure", label: "Pain to deep somatic pressure (allodynia)" },
      { id: "allodynia_joint_movement", label: "Pain on joint movement (allodynia)" },
    ],
  },
  vasomotor: {
    label: "Vasomotor",
    symptoms: [
      { id: "temperature_asymmetry", label: "Difference in temperature between limbs" },
      { id: "skin_colour_change", label: "Change in skin colour" },
      { id: "skin_colour_asymmetry", label: "Difference in skin colour between limbs" },
    ],
    signs: [
      { id: "temperature_asymmetry", label: "Temperature difference of more than 1 °C between limbs" },
      { id: "skin_colour_change", label: "Skin colour change" },
      { id: "skin_colour_asymmetry", label: "Skin colour difference between limbs" },
    ],
  },
  sudomotor_oedema: {
    label: "Sudomotor / oedema",
    symptoms: [
      { id: "oedema", label: "Swelling (oedema)" },
      { id: "sweating_change", label: "Change in sweating" },
      { id: "sweating_asymmetry", label: "Difference in sweating between limbs" },
    ],
    signs: [
      { id: "oedema", label: "Swelling (oedema)" },
      { id: "sweating_change", label: "Sweating change" },
      { id: "sweating_asymmetry", label: "Sweating difference between limbs" },
    ],
  },
  motor_trophic: {
    label: "Motor / trophic",
    symptoms: [
      { id: "reduced_range_of_motion", label: "Reduced range of motion" },
      { id: "motor_dysfunction", label: "Weakness, tremor or dystonia" },
      { id: "trophic_changes", label: "Changes in hair, nails or skin" },
    ],
    signs: [
      { id: "reduced_range_of_motion", label: "Reduced range of motion" },
      { id: "weakness", label: "Weakness" },
      { id: "tremor", label: "Tremor" },
      { id: "dystonia", label: "Dystonia" },
      { id: "trophic_changes", label: "Trophic changes in hair, nails or skin" },
    ],
  },
};

export const BUDAPEST_THRESHOLDS = {
  clinicalSymptomCategories: 3,
  researchSymptomCategories: 4,
  signCategories: 2,
} as const;

export const BUDAPEST_DISCLAIMER =
  "Checklist aid only, not a diagnosis: the diagnosis is the clinician's judgement after a full evaluation.";

export type BudapestTicks = Partial<Record<BudapestCategory, readonly string[]>>;

export interface BudapestInput {
  disproportionatePain: boolean;
  noBetterExplanation: boolean;
  symptoms: BudapestTicks;
  signs: BudapestTicks;
}
/** The two lists a Budapest assessment ticks: what the patient reports, and what the examiner sees. */
export type BudapestTickKind = keyof Pick<BudapestInput, "symptoms" | "signs">;

export interface BudapestResult {
  symptomCategories: number;
  signCategories: number;
  /** The categories with at least one ticked item, in catalogue order. */
  symptomCategoriesTicked: BudapestCategory[];
  signCategoriesTicked: BudapestCategory[];
  clinicalCriteriaMet: boolean;
  researchCriteriaMet: boolean;
  explanation: string;
}

function ticked(kind: BudapestTickKind, ticks: BudapestTicks): BudapestCategory[] {
  const problems: string[] = [];
  for (const key of Object.keys(ticks)) {
    if (!(BUDAPEST_CATEGORIES as readonly string[]).includes(key)) problems.push(`unknown category "${key}"`);
  }
  const out: BudapestCategory[] = [];
  for (const category of BUDAPEST_CATEGORIES) {
    const ids = ticks[category] ?? [];
    const known = new Set(BUDAPEST_ITEMS[category][kind].map((i) => i.id));
    for (const id of ids) if (!known.has(id)) problems.push(`"${id}" is not a ${category} ${kind === "symptoms" ? "symptom" : "sign"}`);
    if (ids.length > 0) out.push(category);
  }
  if (problems.length > 0) {
    throw invalid(`Budapest checklist: ${problems.join("; ")}.`, { kind, problems });
  }
  return out;
}

const yesNo = (b: boolean) => (b ? "yes" : "no");

/** Counts the Budapest categories and says which checklist (clinical, research) is met. Throws INVALID on unknown items. */
export function evaluateBudapest(input: BudapestInput): BudapestResult {
  const symptomCats = ticked("symptoms", input.symptoms);
  const signCats = ticked("signs", input.signs);
  const t = BUDAPEST_THRESHOLDS;
  const base = input.disproportionatePain && input.noBetterExplanation && signCats.length >= t.signCategories;
  const clinicalCriteriaMet = base && symptomCats.length >= t.clinicalSymptomCategories;
  const researchCriteriaMet = base && symptomCats.length >= t.researchSymptomCategories;

  const checklist = researchCriteriaMet
    ? "Clinical and research checklists are both met."
    : clinicalCriteriaMet
      ? "Clinical checklist met; research checklist not met."
      : "Neither the clinical nor the research checklist is met.";

  const explanation = [
    BUDAPEST_DISCLAIMER,
    `Symptoms in ${symptomCats.length} of 4 categories (need ${t.clinicalSymptomCategories} for clinical, ${t.researchSymptomCategories} for research); signs in ${signCats.length} of 4 (need ${t.signCategories}).`,
    `Pain disproportionate to any inciting event: ${yesNo(input.disproportionatePain)}. No other diagnosis better explains it: ${yesNo(input.noBetterExplanation)}.`,
    checklist,
  ].join(" ");

  return {
    symptomCategories: symptomCats.length,
    signCategories: signCats.length,
    symptomCategoriesTicked: symptomCats,
    signCategoriesTicked: signCats,
    clinicalCriteriaMet,
    researchCriteriaMet,
    explanation,
  };
}
