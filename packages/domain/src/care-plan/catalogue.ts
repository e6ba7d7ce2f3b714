import { DISCIPLINES, type Discipline } from "../roles";
import type { GoalId } from "./goals";
import { type MedicationAgent, agentsOf } from "./medication-agents";

export const THERAPY_CATEGORIES = [
  "pt_ot",
  "medication",
  "interventional",
  "psychological",
  "self_management",
  "experimental",
] as const;
export type TherapyCategory = (typeof THERAPY_CATEGORIES)[number];

export const THERAPY_CATEGORY_LABELS: Record<TherapyCategory, string> = {
  pt_ot: "Physical and occupational therapy",
  medication: "Medications",
  interventional: "Interventional procedures",
  psychological: "Psychological therapies",
  self_management: "Lifestyle and self-management",
  experimental: "Emerging and experimental therapies",
};

/** Escalation order: conservative care first, procedures when it is not enough, research last. */
export const THERAPY_TIERS = ["conservative", "interventional", "experimental"] as const;
export type TherapyTier = (typeof THERAPY_TIERS)[number];

export const PRESCRIPTION_KINDS = [
  "medication",
  "exercise",
  "psychological",
  "procedure",
  "experimental",
  "self_management",
] as const;
export type PrescriptionKind = (typeof PRESCRIPTION_KINDS)[number];

type NonEmpty<T> = readonly [T, ...T[]];

/**
 * Which disciplines own each category. Ownership is by category rather than by item so custom
 * interventions follow the same rules as catalogue ones.
 */
export const CATEGORY_OWNERS: Record<TherapyCategory, NonEmpty<Discipline>> = {
  pt_ot: ["physical_therapist", "occupational_therapist"],
  medication: ["pain_physician"],
  interventional: ["pain_physician"],
  psychological: ["psychologist"],
  self_management: DISCIPLINES,
  experimental: ["pain_physician"],
};

export const CATEGORY_TIER: Record<TherapyCategory, TherapyTier> = {
  pt_ot: "conservative",
  medication: "conservative",
  interventional: "interventional",
  psychological: "conservative",
  self_management: "conservative",
  experimental: "experimental",
};

export const CATEGORY_PRESCRIPTION_KIND = {
  pt_ot: "exercise",
  medication: "medication",
  interventional: "procedure",
  psychological: "psychological",
  self_management: "self_management",
  experimental: "experimental",
} as const satisfies Record<TherapyCategory, PrescriptionKind>;

interface TherapyBase {
  /** Stable, kebab-case; stored on interventions, so never rename one. */
  id: string;
  name: string;
  category: TherapyCategory;
  tier: TherapyTier;
  ownerDisciplines: NonEmpty<Discipline>;
  defaultGoals: readonly GoalId[];
  /** Plain language, descriptive only: the team's prescription says what to do. */
  patientExplanation: string;
  /** Self-management items are carried out by the patient with the whole team's support. */
  patientLed: boolean;
}

export interface MedicationTherapy extends TherapyBase {
  prescriptionKind: "medication";
  /**
   * What is actually prescribed, each with its own route, unit and bounds (medication-agents.ts):
   * one bound for a whole class is wrong by an order of magnitude between its agents.
   */
  agents: readonly MedicationAgent[];
}

export interface NonMedicationTherapy extends TherapyBase {
  prescriptionKind: Exclude<PrescriptionKind, "medication">;
}

export type Therapy = MedicationTherapy | NonMedicationTherapy;

type Entry = Pick<TherapyBase, "id" | "name" | "patientExplanation"> & { goals: readonly GoalId[] };

function base(category: TherapyCategory, entry: Entry): TherapyBase {
  return {
    id: entry.id,
    name: entry.name,
    category,
    tier: CATEGORY_TIER[category],
    ownerDisciplines: CATEGORY_OWNERS[category],
    defaultGoals: entry.goals,
    patientExplanation: entry.patientExplanation,
    patientLed: category === "self_management",
  };
}

function therapy(category: Exclude<TherapyCategory, "medication">, entry: Entry): NonMedicationTherapy {
  return { ...base(category, entry), prescriptionKind: CATEGORY_PRESCRIPTION_KIND[category] };
}

function medication(entry: Entry): MedicationTherapy {
  return { ...base("medication", entry), prescriptionKind: "medication", agents: agentsOf(entry.id) };
}

export const THERAPY_CATALOGUE: readonly Therapy[] = [
  // Physical and occupational therapy
  therapy("pt_ot", {
    id: "range-of-motion-exercises",
    name: "Range-of-motion exercises",
    goals: ["mobility", "function"],
    patientExplanation: "Gentle movements that take your joints through their range, to ease stiffness and keep the limb moving.",
  }),
  therapy("pt_ot", {
    id: "desensitization",
    name: "Desensitization",
    goals: ["pain", "function"],
    patientExplanation:
      "Touching the sensitive area with different textures, gradually and at your own pace, so that over time it may become less sensitive.",
  }),
  therapy("pt_ot", {
    id: "mirror-therapy",
    name: "Mirror therapy (graded motor imagery)",
    goals: ["pain", "mobility"],
    patientExplanation:
      "A step-by-step brain-training programme: recognising left and right, imagining movements, then moving while watching a mirror. Each stage usually lasts about two weeks.",
  }),
  therapy("pt_ot", {
    id: "functional-retraining",
    name: "Functional retraining for daily activities",
    goals: ["function", "mobility"],
    patientExplanation: "Practising everyday tasks, such as dressing or cooking, in manageable steps so they become easier to do.",
  }),

  // Medications
  medication({
    id: "gabapentin",
    name: "Gabapentin",
    goals: ["pain"],
    patientExplanation: "A medicine for nerve pain that can calm overactive pain signals. The dose is usually adjusted in steps.",
  }),
  medication({
    id: "pregabalin",
    name: "Pregabalin",
    goals: ["pain"],
    patientExplanation: "A nerve pain medicine similar to gabapentin. The dose is usually adjusted in steps while your team checks how it suits you.",
  }),
  medication({
    id: "duloxetine",
    name: "Duloxetine",
    goals: ["pain"],
    patientExplanation: "A medicine that can reduce nerve pain and may also help with mood.",
  }),
  medication({
    id: "amitriptyline",
    name: "Amitriptyline",
    goals: ["pain"],
    patientExplanation: "A medicine used at low doses to ease nerve pain; it may also help with sleep.",
  }),
  medication({
    id: "nsaids",
    name: "Anti-inflammatory drugs (NSAIDs)",
    goals: ["pain"],
    patientExplanation: "Anti-inflammatory painkillers, such as ibuprofen, that can reduce pain and swelling.",
  }),
  medication({
    id: "corticosteroid-course",
    name: "Oral corticosteroid course",
    goals: ["pain"],
    patientExplanation:
      "A short course of a steroid medicine taken by mouth, which may calm inflammation in early CRPS. The dose is usually lowered step by step before it stops.",
  }),
  medication({
    id: "topical-lidocaine",
    name: "Topical lidocaine",
    goals: ["pain"],
    patientExplanation: "A numbing medicine applied to the skin as a patch or cream, to reduce pain in one area.",
  }),
  medication({
    id: "topical-capsaicin",
    name: "Topical capsaicin",
    goals: ["pain"],
    patientExplanation: "A cream or patch made from chilli pepper extract that can dull pain signals from the skin. It may feel warm or sting at first.",
  }),
  medication({
    id: "bisphosphonates",
    name: "Bisphosphonates",
    goals: ["pain"],
    patientExplanation: "Medicines often used for bone health that may reduce pain for some people with CRPS.",
  }),

  // Interventional procedures
  therapy("interventional", {
    id: "sympathetic-nerve-block",
    name: "Sympathetic nerve block",
    goals: ["pain", "mobility"],
    patientExplanation:
      "An injection of local anaesthetic near the nerves that control blood flow to the limb, to see whether it eases pain and makes therapy easier.",
  }),
  therapy("interventional", {
    id: "spinal-cord-stimulation",
    name: "Spinal cord stimulation (SCS)",
    goals: ["pain", "function"],
    patientExplanation: "A small implanted device sends mild electrical signals to the spinal cord to change how pain is felt. A trial period usually comes first.",
  }),
  therapy("interventional", {
    id: "drg-stimulation",
    name: "Dorsal root ganglion (DRG) stimulation",
    goals: ["pain", "function"],
    patientExplanation: "A small implanted device sends mild electrical signals to one nerve root, to target pain in a specific area such as a foot or knee.",
  }),
  therapy("interventional", {
    id: "ketamine-infusion",
    name: "Low-dose IV ketamine infusion",
    goals: ["pain"],
    patientExplanation: "A low dose of the medicine ketamine given slowly through a drip under close monitoring, which may ease pain for a time.",
  }),

  // Psychological therapies
  therapy("psychological", {
    id: "cbt",
    name: "Cognitive behavioural therapy (CBT)",
    goals: ["wellbeing", "function"],
    patientExplanation: "Sessions with a psychologist to learn practical ways of handling pain, worries and stress in daily life.",
  }),
  therapy("psychological", {
    id: "mbsr",
    name: "Mindfulness-based stress reduction (MBSR)",
    goals: ["wellbeing", "pain"],
    patientExplanation: "A course of mindfulness and gentle awareness practices that can help with coping with pain and stress.",
  }),
  therapy("psychological", {
    id: "support-groups-counselling",
    name: "Support groups or counselling",
    goals: ["wellbeing"],
    patientExplanation: "Talking with others who live with CRPS, or with a counsellor, for support and understanding.",
  }),

  // Lifestyle and self-management
  therapy("self_management", {
    id: "gentle-movement",
    name: "Regular gentle movement",
    goals: ["mobility", "function"],
    patientExplanation: "Regular, gentle activity such as walking, stretching or exercise in water, at a pace that feels manageable.",
  }),
  therapy("self_management", {
    id: "heat-cold-therapy",
    name: "Heat or cold therapy",
    goals: ["pain"],
    patientExplanation: "Warmth or cooling can sometimes ease pain, but CRPS can change how the skin senses temperature, so it is used with care.",
  }),
  therapy("self_management", {
    id: "balanced-nutrition",
    name: "Balanced nutrition",
    goals: ["wellbeing"],
    patientExplanation: "Eating a varied, balanced diet to support your general health.",
  }),
  therapy("self_management", {
    id: "stress-management",
    name: "Stress management",
    goals: ["wellbeing", "pain"],
    patientExplanation: "Calming practices such as meditation and breathing exercises, which can help with tension and stress.",
  }),
  therapy("self_management", {
    id: "sleep-hygiene",
    name: "Sleep hygiene",
    goals: ["wellbeing"],
    patientExplanation: "Habits that support better sleep, such as a regular bedtime and a restful bedroom; poor sleep can make pain harder to cope with.",
  }),

  // Emerging and experimental: only within research and with recorded consent
  therapy("experimental", {
    id: "stem-cell-therapy",
    name: "Stem cell therapy",
    goals: ["pain"],
    patientExplanation: "A treatment still being studied in research. It is only offered as part of a study, with your consent.",
  }),
  therapy("experimental", {
    id: "immune-modulating-therapies",
    name: "Immune-modulating therapies",
    goals: ["pain"],
    patientExplanation: "Medicines that act on the immune system and are still being studied for CRPS. Only offered as part of research, with your consent.",
  }),
  therapy("experimental", {
    id: "virtual-reality-therapy",
    name: "Virtual reality therapy",
    goals: ["pain", "mobility"],
    patientExplanation: "Exercises in a virtual reality setting to help with pain and movement. It is still being researched and is offered with your consent.",
  }),
  therapy("experimental", {
    id: "neuromodulation-devices",
    name: "New neuromodulation devices",
    goals: ["pain"],
    patientExplanation: "Newer devices that change nerve signals and are still being studied. They are offered as part of research, with your consent.",
  }),
];

const BY_ID: ReadonlyMap<string, Therapy> = new Map(THERAPY_CATALOGUE.map((t) => [t.id, t]));

export function getTherapy(id: string): Therapy | undefined {
  return BY_ID.get(id);
}

export function therapiesByCategory(): Record<TherapyCategory, Therapy[]> {
  const groups = Object.fromEntries(THERAPY_CATEGORIES.map((c) => [c, [] as Therapy[]])) as Record<TherapyCategory, Therapy[]>;
  for (const t of THERAPY_CATALOGUE) groups[t.category].push(t);
  return groups;
}
