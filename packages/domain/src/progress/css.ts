import { invalid } from "../errors";

/**
 * CRPS Severity Score (Harden et al., Pain 2010): 17 items, each present (1) or absent (0).
 * 8 are symptoms the patient reports, 9 are signs found on examination.
 */
export const CSS_ITEMS = [
  { id: "symptom_allodynia_hyperpathia", kind: "symptom", label: "Allodynia or hyperpathia" },
  { id: "symptom_temperature_asymmetry", kind: "symptom", label: "Temperature asymmetry" },
  { id: "symptom_colour_asymmetry", kind: "symptom", label: "Skin colour asymmetry" },
  { id: "symptom_sweating_asymmetry", kind: "symptom", label: "Sweating asymmetry" },
  { id: "symptom_asymmetric_oedema", kind: "symptom", label: "Asymmetric swelling (oedema)" },
  { id: "symptom_trophic_changes", kind: "symptom", label: "Trophic changes (hair, nail, skin)" },
  { id: "symptom_motor_changes", kind: "symptom", label: "Motor changes (weakness, tremor, dystonia)" },
  { id: "symptom_decreased_active_rom", kind: "symptom", label: "Decreased active range of motion" },
  { id: "sign_hyperpathia_pinprick", kind: "sign", label: "Hyperpathia to pinprick" },
  { id: "sign_allodynia", kind: "sign", label: "Allodynia" },
  { id: "sign_temperature_asymmetry", kind: "sign", label: "Temperature asymmetry by palpation" },
  { id: "sign_colour_asymmetry", kind: "sign", label: "Skin colour asymmetry" },
  { id: "sign_sweating_asymmetry", kind: "sign", label: "Sweating asymmetry" },
  { id: "sign_asymmetric_oedema", kind: "sign", label: "Asymmetric swelling (oedema)" },
  { id: "sign_trophic_changes", kind: "sign", label: "Trophic changes (hair, nail, skin)" },
  { id: "sign_motor_changes", kind: "sign", label: "Motor changes (weakness, tremor, dystonia)" },
  { id: "sign_decreased_active_rom", kind: "sign", label: "Decreased active range of motion" },
] as const;

export type CssItemId = (typeof CSS_ITEMS)[number]["id"];
export const CSS_ITEM_IDS: readonly CssItemId[] = CSS_ITEMS.map((i) => i.id);
export const CSS_MAX_TOTAL = CSS_ITEMS.length;

/**
 * A change of 5 or more points is beyond measurement error: the smallest real difference is 4.9 points
 * (95% confidence; Harden et al., Pain 2017;158:1430), so 5 with whole-number totals. It is not a
 * minimal clinically important difference.
 */
export const CSS_SMALLEST_REAL_DIFFERENCE = 5;

export interface CssScore {
  total: number;
  symptomCount: number;
  signCount: number;
  /** Ids of the items marked present, in catalogue order. */
  present: CssItemId[];
}

const label = (id: string) => CSS_ITEMS.find((i) => i.id === id)?.label ?? id;

/** Scores a CSS form. Every one of the 17 items must be answered true or false; throws INVALID otherwise. */
export function scoreCss(items: Partial<Record<CssItemId, boolean>>): CssScore {
  const answers = items as Record<string, unknown>;
  const unknown = Object.keys(answers).filter((k) => !(CSS_ITEM_IDS as readonly string[]).includes(k));
  if (unknown.length > 0) throw invalid(`Unknown CSS item: ${unknown.join(", ")}.`, { unknownItems: unknown });

  const missing = CSS_ITEM_IDS.filter((id) => answers[id] === undefined || answers[id] === null);
  if (missing.length > 0) {
    throw invalid(
      `CSS needs all 17 items answered. Missing (${missing.length}): ${missing.map(label).join("; ")}.`,
      { missingItems: missing },
    );
  }
  const notBoolean = CSS_ITEM_IDS.filter((id) => typeof answers[id] !== "boolean");
  if (notBoolean.length > 0) {
    throw invalid(`CSS items must be present or absent (true or false): ${notBoolean.map(label).join("; ")}.`, {
      invalidItems: notBoolean,
    });
  }

  const present = CSS_ITEMS.filter((i) => answers[i.id] === true);
  return {
    total: present.length,
    symptomCount: present.filter((i) => i.kind === "symptom").length,
    signCount: present.filter((i) => i.kind === "sign").length,
    present: present.map((i) => i.id),
  };
}

export const CSS_CHANGE_DIRECTIONS = ["better", "unchanged", "worse"] as const;
export type CssChangeDirection = (typeof CSS_CHANGE_DIRECTIONS)[number];

export interface CssChange {
  /** current − previous; null when there is no previous score. Positive means more severe. */
  change: number | null;
  /** |change| ≥ the smallest real difference: beyond measurement error. */
  beyondMeasurementError: boolean;
  direction: CssChangeDirection | null;
}

function assertTotal(name: string, total: number): void {
  if (!Number.isInteger(total) || total < 0 || total > CSS_MAX_TOTAL) {
    throw invalid(`${name} CSS total must be a whole number from 0 to ${CSS_MAX_TOTAL}.`);
  }
}

export function cssChange(previousTotal: number | null, currentTotal: number): CssChange {
  assertTotal("The current", currentTotal);
  if (previousTotal === null) return { change: null, beyondMeasurementError: false, direction: null };
  assertTotal("The previous", previousTotal);
  const change = currentTotal - previousTotal;
  return {
    change,
    beyondMeasurementError: Math.abs(change) >= CSS_SMALLEST_REAL_DIFFERENCE,
    direction: change > 0 ? "worse" : change < 0 ? "better" : "unchanged",
  };
}
