import type { DoseUnit, MedicationRoute } from "./medication-units";

/**
 * How an agent's doses fall in a day. Only "daily" lets the prescriber choose more than one dose
 * a day; the others are fixed at one by their labelling:
 * - daily: doses spread through the day (1 to 6);
 * - once_a_day: one application a day (lidocaine 5% patch: up to 12 hours in 24);
 * - infusion: one infusion on each infusion day of a course;
 * - single_application: one application, repeated only after weeks (capsaicin 8% patch).
 */
export const AGENT_DOSING = ["daily", "once_a_day", "infusion", "single_application"] as const;
export type AgentDosing = (typeof AGENT_DOSING)[number];

/**
 * One medicine as it is prescribed: the catalogue therapy (a class such as NSAIDs, or a single
 * drug) names one or more agents, each with its own route, unit and bounds. The bounds are
 * data-entry limits taken from the cited source: they catch a slipped digit or a dose beyond the
 * labelled maximum, they are not dosing advice. Ids are stored on plan items: never rename one.
 */
export interface MedicationAgent {
  id: string;
  /** What clinicians and the patient read, e.g. "Naproxen", "Diclofenac 1% gel". */
  name: string;
  therapyId: string;
  route: MedicationRoute;
  unit: DoseUnit;
  dosing: AgentDosing;
  perDose: { min: number; max: number; source: string };
  perDay: { max: number; source: string };
  /** Only where the labelling caps how often a "daily" agent is given, beyond what the daily total already bounds. */
  maxDosesPerDay?: { max: number; source: string };
  /** The usual course where a course is the regimen (IV bisphosphonates, a steroid taper). */
  typicalCourse?: string;
  /** What a prescriber should know about the bounds: what they do not cover. */
  note?: string;
}

export const MEDICATION_AGENTS: readonly MedicationAgent[] = [
  {
    id: "gabapentin",
    name: "Gabapentin",
    therapyId: "gabapentin",
    route: "oral",
    unit: "mg",
    dosing: "daily",
    perDose: {
      min: 100,
      max: 1200,
      source:
        "FDA label, Neurontin (gabapentin), 2017: total daily dose given in three divided doses, so 3600 mg/day is 1200 mg a dose; smallest capsule 100 mg.",
    },
    perDay: {
      max: 3600,
      source: "FDA label, Neurontin (gabapentin), 2017: max 3600 mg/day in three divided doses; BNF, gabapentin: neuropathic pain, max 3.6 g daily.",
    },
  },
  {
    id: "pregabalin",
    name: "Pregabalin",
    therapyId: "pregabalin",
    route: "oral",
    unit: "mg",
    dosing: "daily",
    perDose: {
      min: 25,
      max: 300,
      source: "FDA label, Lyrica (pregabalin): 600 mg/day in two divided doses is 300 mg a dose; smallest capsule 25 mg.",
    },
    perDay: {
      max: 600,
      source:
        "FDA label, Lyrica (pregabalin): max 600 mg/day in two or three divided doses (postherpetic neuralgia; neuropathic pain after spinal cord injury); BNF, pregabalin: neuropathic pain, max 600 mg daily.",
    },
  },
  {
    id: "duloxetine",
    name: "Duloxetine",
    therapyId: "duloxetine",
    route: "oral",
    unit: "mg",
    dosing: "daily",
    perDose: {
      min: 20,
      max: 120,
      source:
        "FDA label, Cymbalta (duloxetine): 60 mg once daily for diabetic peripheral neuropathic pain; up to 120 mg once daily (generalized anxiety disorder); smallest capsule 20 mg.",
    },
    perDay: {
      max: 120,
      source: "FDA label, Cymbalta (duloxetine): max 120 mg/day; BNF, duloxetine: diabetic neuropathy 60 mg once daily, max 120 mg daily in divided doses.",
    },
  },
  {
    id: "amitriptyline",
    name: "Amitriptyline",
    therapyId: "amitriptyline",
    route: "oral",
    unit: "mg",
    dosing: "daily",
    perDose: { min: 10, max: 75, source: "BNF, amitriptyline hydrochloride: neuropathic pain, up to 75 mg daily, usually at night; smallest tablet 10 mg." },
    perDay: {
      max: 75,
      source:
        "BNF, amitriptyline hydrochloride: neuropathic pain (unlicensed), initially 10–25 mg daily at night, increased if necessary to 75 mg daily; higher doses under specialist supervision.",
    },
    note: "Toxic in overdose. A dose above 75 mg a day under specialist supervision is recorded as a custom medication with its own maximum daily dose.",
  },
  {
    id: "ibuprofen",
    name: "Ibuprofen",
    therapyId: "nsaids",
    route: "oral",
    unit: "mg",
    dosing: "daily",
    perDose: {
      min: 200,
      max: 800,
      source: "FDA label, Motrin (ibuprofen tablets): 400–800 mg every 6 to 8 hours; smallest (non-prescription) tablet 200 mg.",
    },
    perDay: {
      max: 3200,
      source:
        "FDA label, Motrin (ibuprofen tablets): do not exceed 3200 mg total daily dose. Non-prescription Drug Facts: not more than 1200 mg in 24 hours unless directed by a doctor. BNF, ibuprofen: up to 2.4 g daily.",
    },
    note: "More than 1200 mg a day is a prescription dose.",
  },
  {
    id: "naproxen",
    name: "Naproxen",
    therapyId: "nsaids",
    route: "oral",
    unit: "mg",
    dosing: "daily",
    perDose: {
      min: 125,
      max: 1000,
      source:
        "FDA label, Naprosyn (naproxen): 250–500 mg twice daily; BNF, naproxen: musculoskeletal pain 0.5–1 g daily in 1–2 divided doses (so up to 1 g once daily); oral suspension 125 mg/5 mL (verify).",
    },
    perDay: {
      max: 1500,
      source: "FDA label, Naprosyn (naproxen): the dose may be increased to 1500 mg/day for limited periods (up to 6 months) when more activity is needed.",
    },
    note: "1500 mg a day is a short-term maximum; the usual long-term maximum is 1000 mg a day.",
  },
  {
    id: "diclofenac-gel",
    name: "Diclofenac 1% gel",
    therapyId: "nsaids",
    route: "topical",
    unit: "g",
    dosing: "daily",
    perDose: {
      min: 2,
      max: 4,
      source:
        "FDA label, Voltaren Gel (diclofenac sodium topical gel) 1%: 2 g per upper-extremity joint or 4 g per lower-extremity joint, four times daily, measured with the dosing card.",
    },
    perDay: {
      max: 32,
      source:
        "FDA label, Voltaren Gel 1%: total dose not more than 32 g per day over all affected joints (not more than 8 g a day on one upper-extremity joint, 16 g on one lower-extremity joint).",
    },
    maxDosesPerDay: { max: 4, source: "FDA label, Voltaren Gel 1%: apply four times daily." },
    note: "The plan does not record which joint: the per-joint limits (8 g a day upper limb, 16 g lower limb) are the prescriber's to keep.",
  },
  {
    id: "prednisolone",
    name: "Prednisolone",
    therapyId: "corticosteroid-course",
    route: "oral",
    unit: "mg",
    dosing: "daily",
    perDose: {
      min: 1,
      max: 40,
      source:
        "Kalita J, Vajpayee A, Misra UK. Comparison of prednisolone with piroxicam in complex regional pain syndrome following stroke: a randomized controlled trial. QJM 2006;99(2):89–95: prednisolone 40 mg once daily for 14 days, then tapered (verify taper: 10 mg a week); smallest tablet 1 mg.",
    },
    perDay: {
      max: 40,
      source:
        "Kalita et al. 2006 (QJM 99:89–95): 40 mg/day. Christensen K, Jensen EM, Noer I. The reflex dystrophy syndrome response to treatment with systemic corticosteroids. Acta Chir Scand 1982;148(8):653–655: prednisone 10 mg three times daily (30 mg/day).",
    },
    typicalCourse: "40 mg a day for 14 days, then reduced step by step (Kalita 2006)",
    note: "A short course in early CRPS: plan the taper as titration steps.",
  },
  {
    id: "alendronate",
    name: "Alendronate",
    therapyId: "bisphosphonates",
    route: "oral",
    unit: "mg",
    dosing: "daily",
    perDose: {
      min: 5,
      max: 40,
      source:
        "Manicourt DH, Brasseur JP, Boutsen Y, Depreseux G, Devogelaer JP. Role of alendronate in therapy for posttraumatic complex regional pain syndrome type I of the lower extremity. Arthritis Rheum 2004;50(11):3690–3697: 40 mg/day orally for 8 weeks; smallest tablet 5 mg (Fosamax label).",
    },
    perDay: { max: 40, source: "Manicourt et al. 2004 (Arthritis Rheum 50:3690–3697): alendronate 40 mg/day." },
    typicalCourse: "40 mg a day by mouth for 8 weeks (Manicourt 2004)",
    note: "Weekly regimens (70 mg once a week, for osteoporosis) are not modelled: record one as a custom medication.",
  },
  {
    id: "pamidronate",
    name: "Pamidronate",
    therapyId: "bisphosphonates",
    route: "iv",
    unit: "mg",
    dosing: "infusion",
    perDose: {
      min: 15,
      max: 90,
      source:
        "Aredia (pamidronate disodium) labelling: single doses should not exceed 90 mg (verify wording); smallest vial 15 mg (verify). Robinson JN, Sandom J, Chapman PT. Efficacy of pamidronate in complex regional pain syndrome type I. Pain Med 2004;5(3):276–280: a single 60 mg IV infusion.",
    },
    perDay: { max: 90, source: "Aredia labelling: at most 90 mg in a single infusion (verify); one infusion a day." },
    typicalCourse: "60 mg IV once (Robinson 2004)",
  },
  {
    id: "neridronate",
    name: "Neridronate",
    therapyId: "bisphosphonates",
    route: "iv",
    unit: "mg",
    dosing: "infusion",
    perDose: {
      min: 25,
      max: 100,
      source:
        "Varenna M, Adami S, Rossini M, et al. Treatment of complex regional pain syndrome type I with neridronate: a randomized, double-blind, placebo-controlled study. Rheumatology (Oxford) 2013;52(3):534–542: 100 mg IV four times over 10 days; 25 mg ampoule (verify).",
    },
    perDay: { max: 100, source: "Varenna et al. 2013 (neridronate 100 mg IV ×4): one 100 mg infusion on each infusion day." },
    typicalCourse: "100 mg IV × 4 over 10 days (Varenna 2013)",
  },
  {
    id: "clodronate",
    name: "Clodronate",
    therapyId: "bisphosphonates",
    route: "iv",
    unit: "mg",
    dosing: "infusion",
    perDose: {
      min: 100,
      max: 300,
      source:
        "Varenna M, Zucchi F, Ghiringhelli D, et al. Intravenous clodronate in the treatment of reflex sympathetic dystrophy syndrome. A randomized, double blind, placebo controlled study. J Rheumatol 2000;27(6):1477–1483: 300 mg IV daily for 10 consecutive days. The 100 mg floor is a data-entry choice (verify).",
    },
    perDay: { max: 300, source: "Varenna 2000 clodronate 300 mg IV ×10: one 300 mg infusion a day." },
    typicalCourse: "300 mg IV daily for 10 days (Varenna 2000)",
    note: "IV clodronate labelling also allows a single 1500 mg infusion in hypercalcaemia of malignancy (verify): not a CRPS regimen, record it as a custom medication.",
  },
  {
    id: "zoledronic-acid",
    name: "Zoledronic acid",
    therapyId: "bisphosphonates",
    route: "iv",
    unit: "mg",
    dosing: "infusion",
    perDose: {
      min: 3,
      max: 5,
      source:
        "Product labelling: Reclast (zoledronic acid) 5 mg IV once; Zometa 4 mg IV, reduced to 3.0–3.5 mg in renal impairment. A CRPS pilot trial used 4 mg IV (Breuer B et al., Clin Ther 2008) (verify citation).",
    },
    perDay: { max: 5, source: "Reclast labelling: 5 mg in one infusion; Zometa labelling: 4 mg." },
    typicalCourse: "5 mg IV once (Reclast) or 4 mg IV (Zometa)",
  },
  {
    id: "lidocaine-5-patch",
    name: "Lidocaine 5% patch",
    therapyId: "topical-lidocaine",
    route: "topical",
    unit: "patch",
    dosing: "once_a_day",
    perDose: {
      min: 0.5,
      max: 3,
      source:
        "FDA label, Lidoderm (lidocaine patch 5%): apply up to 3 patches at one time, once for up to 12 hours within a 24-hour period; patches may be cut into smaller sizes. The half-patch floor is a data-entry choice.",
    },
    perDay: { max: 3, source: "FDA label, Lidoderm: up to 3 patches, once, for up to 12 hours in 24 hours; BNF (Versatis): up to 3 plasters for up to 12 hours in 24 hours." },
  },
  {
    id: "capsaicin-8-patch",
    name: "Capsaicin 8% patch",
    therapyId: "topical-capsaicin",
    route: "topical",
    unit: "patch",
    dosing: "single_application",
    perDose: {
      min: 0.5,
      max: 4,
      source:
        "FDA label, Qutenza (capsaicin 8% patch): up to 4 patches in a single application, for 60 minutes (postherpetic neuralgia) or 30 minutes (feet, diabetic peripheral neuropathy); patches may be cut to fit. The half-patch floor is a data-entry choice.",
    },
    perDay: {
      max: 4,
      source: "FDA label, Qutenza: at most 4 patches; repeat no more often than every three months. EU SmPC: at most 4 patches, repeated at 90-day intervals.",
    },
    typicalCourse: "Up to 4 patches for 30 minutes (feet) or 60 minutes (elsewhere), repeated no sooner than every 90 days",
    note: "Applied in clinic by a health professional.",
  },
  {
    id: "capsaicin-cream",
    name: "Capsaicin 0.075% cream",
    therapyId: "topical-capsaicin",
    route: "topical",
    unit: "application",
    dosing: "daily",
    perDose: { min: 1, max: 1, source: "BNF, capsaicin 0.075% cream (Axsain): apply a small amount to the affected area; one application at a time." },
    perDay: {
      max: 4,
      source: "BNF, capsaicin 0.075% cream (Axsain): post-herpetic neuralgia and painful diabetic neuropathy, apply 3–4 times a day, not more often than every 4 hours (verify).",
    },
  },
];

const BY_ID: ReadonlyMap<string, MedicationAgent> = new Map(MEDICATION_AGENTS.map((a) => [a.id, a]));

export function getAgent(id: string): MedicationAgent | undefined {
  return BY_ID.get(id);
}

/** The agents a catalogue therapy lists, in catalogue order; empty for a therapy that is not a medication. */
export function agentsOf(therapyId: string): MedicationAgent[] {
  return MEDICATION_AGENTS.filter((a) => a.therapyId === therapyId);
}

/** The most doses a day an agent may be given: its labelled cap, one for a fixed regimen, else the plan-wide limit. */
export function maxDosesPerDay(agent: Pick<MedicationAgent, "dosing" | "maxDosesPerDay">): number {
  if (agent.dosing !== "daily") return 1;
  return agent.maxDosesPerDay?.max ?? MAX_DOSES_PER_DAY;
}

/** Whether the prescriber chooses how many doses a day, or the agent's labelling fixes it at one. */
export function fixedDosesPerDay(agent: Pick<MedicationAgent, "dosing">): 1 | null {
  return agent.dosing === "daily" ? null : 1;
}

/** The most doses a day the plan records for any medication; a larger number is a slip. */
export const MAX_DOSES_PER_DAY = 6;
