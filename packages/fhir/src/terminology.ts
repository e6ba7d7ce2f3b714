/**
 * Every code the FHIR API emits, as data: system, code, display and where it was checked. A code
 * that could not be checked against a publication is not emitted at all (`code: null`): the
 * resource then carries the text alone, which is valid FHIR and never a guessed identifier.
 */
export const SYSTEMS = {
  loinc: "http://loinc.org",
  snomed: "http://snomed.info/sct",
  icd10cm: "http://hl7.org/fhir/sid/icd-10-cm",
  rxnorm: "http://www.nlm.nih.gov/research/umls/rxnorm",
  ucum: "http://unitsofmeasure.org",
  identifierType: "http://terminology.hl7.org/CodeSystem/v2-0203",
  conditionClinical: "http://terminology.hl7.org/CodeSystem/condition-clinical",
  conditionVerification: "http://terminology.hl7.org/CodeSystem/condition-ver-status",
  conditionCategory: "http://terminology.hl7.org/CodeSystem/condition-category",
  observationCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  /** Concord's own codes, for what no published terminology names (see LOCAL_CODES). */
  concordMeasure: "urn:concord:fhir:code-system:measure",
  concordMrn: "urn:concord:fhir:identifier:mrn",
  concordGoal: "urn:concord:fhir:code-system:treatment-goal",
  concordTherapy: "urn:concord:fhir:code-system:therapy",
} as const;

export interface TermCode {
  system: string;
  /** null: not verified against a publication, so not emitted (the display is still sent as text). */
  code: string | null;
  display: string;
  /** Which publication the code was checked against, or why it is not emitted. */
  source: string;
}

export const LOINC = {
  painSeverity: {
    system: SYSTEMS.loinc,
    code: "72514-3",
    display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
    source: "LOINC 72514-3; cited by HL7 Belgium's Patient Monitoring IG value set 'Pain severity - 0-10 verbal numeric rating' (links loinc.org/72514-3).",
  },
  phq9Total: {
    system: SYSTEMS.loinc,
    code: "44261-6",
    display: "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]",
    source: "LOINC 44261-6; display as listed in HL7 Personal Health Record Format IG, ValueSet observation-scored-assessment-score-codes.",
  },
  gad7Total: {
    system: SYSTEMS.loinc,
    code: "70274-6",
    display: "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]",
    source: "LOINC 70274-6; display as listed in HL7 Personal Health Record Format IG, ValueSet observation-scored-assessment-score-codes.",
  },
} as const satisfies Record<string, TermCode>;

/**
 * Measures with no LOINC code we could verify: sent under Concord's own code system, with the
 * measure's published name as display, so a receiver reads them as local codes, not as LOINC.
 */
export const LOCAL_CODES = {
  painAverage: { system: SYSTEMS.concordMeasure, code: "pain-average-24h", display: "Average pain over the last 24 hours (0-10 NRS)", source: "Concord local code: the check-in's average pain item." },
  painWorst: { system: SYSTEMS.concordMeasure, code: "pain-worst-24h", display: "Worst pain over the last 24 hours (0-10 NRS)", source: "Concord local code: the check-in's worst pain item." },
  css: { system: SYSTEMS.concordMeasure, code: "css", display: "CRPS Severity Score (0-17)", source: "Concord local code; scale from Harden et al., Pain 2010. No LOINC code verified." },
  psfs: { system: SYSTEMS.concordMeasure, code: "psfs", display: "Patient-Specific Functional Scale, mean score (0-10)", source: "Concord local code. No LOINC code verified." },
  limbTemperature: {
    system: SYSTEMS.concordMeasure,
    code: "limb-temperature-difference",
    display: "Skin temperature difference, affected minus unaffected limb",
    source: "Concord local code: LOINC has skin temperature codes, but none for a side-to-side difference that we could verify.",
  },
  budapest: { system: SYSTEMS.concordMeasure, code: "budapest-symptom-categories", display: "Budapest criteria: symptom categories reported (0-4)", source: "Concord local code (Budapest criteria, Harden et al. 2010)." },
  licensed: { system: SYSTEMS.concordMeasure, code: "licensed-score", display: "Licensed instrument score (score only)", source: "Concord local code; the instrument's item text is never stored or sent." },
} as const satisfies Record<string, TermCode>;

export const SNOMED = {
  crps: { system: SYSTEMS.snomed, code: "128200000", display: "Complex regional pain syndrome (disorder)", source: "SNOMED CT 128200000, as listed in the Belgian eHealth ValueSet be-vs-diagnostic-imaging-indication." },
  crpsTypeI: { system: SYSTEMS.snomed, code: "734947007", display: "Complex regional pain syndrome type I (disorder)", source: "SNOMED CT 734947007, as listed in the Belgian eHealth ValueSet be-vs-diagnostic-imaging-indication." },
  upperLimb: { system: SYSTEMS.snomed, code: "53120007", display: "Upper limb structure (body structure)", source: "SNOMED CT 53120007, Belgian eHealth ValueSet be-vs-diagnostic-imaging-indication." },
  lowerLimb: { system: SYSTEMS.snomed, code: "61685007", display: "Lower limb structure (body structure)", source: "SNOMED CT 61685007, Belgian eHealth ValueSet be-vs-diagnostic-imaging-indication." },
} as const satisfies Record<string, TermCode>;

/**
 * CRPS II (causalgia) has its own SNOMED CT concept, which we could not verify: a CRPS II
 * condition carries the parent concept 128200000 and the ICD-10-CM code that names the type.
 */
export function snomedForCrps(type: "I" | "II" | null): TermCode {
  return type === "I" ? SNOMED.crpsTypeI : SNOMED.crps;
}

/** The ICD-10-CM codes are the domain's own list (packages/domain patients.ts, CRPS-DOMAIN.md). */
export const ICD10CM_SOURCE = "ICD-10-CM, as listed in the domain's CRPS_CODES (G90.5x CRPS I; G56.4x and G57.7x causalgia).";

/** RxNorm ingredient concepts (RxCUI) for the catalogue's agents, by agent id. */
export const RXNORM: Record<string, TermCode> = {
  gabapentin: { system: SYSTEMS.rxnorm, code: "25480", display: "gabapentin", source: "RxCUI 25480 (ingredient); agreed by two independent public code maps (medication look-up tables)." },
  pregabalin: { system: SYSTEMS.rxnorm, code: "187832", display: "pregabalin", source: "RxCUI 187832 (ingredient); agreed by two independent public code maps." },
  duloxetine: { system: SYSTEMS.rxnorm, code: "72625", display: "duloxetine", source: "RxCUI 72625 (ingredient); CPIC drug table (cpicpgx/cpic-schema)." },
  amitriptyline: { system: SYSTEMS.rxnorm, code: "704", display: "amitriptyline", source: "RxCUI 704 (ingredient); CPIC drug table (cpicpgx/cpic-schema)." },
  ibuprofen: { system: SYSTEMS.rxnorm, code: "5640", display: "ibuprofen", source: "RxCUI 5640 (ingredient); agreed by two independent public code maps." },
  naproxen: { system: SYSTEMS.rxnorm, code: "7258", display: "naproxen", source: "RxCUI 7258 (ingredient); agreed by two independent public code maps." },
  "diclofenac-gel": { system: SYSTEMS.rxnorm, code: "3355", display: "diclofenac", source: "RxCUI 3355 (ingredient diclofenac, not the gel product); CPIC drug table." },
  "lidocaine-5-patch": { system: SYSTEMS.rxnorm, code: "6387", display: "lidocaine", source: "RxCUI 6387 (ingredient lidocaine, not the patch product); CPIC drug table." },
  prednisolone: { system: SYSTEMS.rxnorm, code: "8638", display: "prednisolone", source: "RxCUI 8638 (ingredient); agreed by four independent public code maps." },
  alendronate: { system: SYSTEMS.rxnorm, code: null, display: "alendronate", source: "Not verified: no publication found here; sent as text only." },
  pamidronate: { system: SYSTEMS.rxnorm, code: null, display: "pamidronate", source: "Not verified: no publication found here; sent as text only." },
  neridronate: { system: SYSTEMS.rxnorm, code: null, display: "neridronate", source: "Not verified (not marketed in the US; may have no RxNorm concept); sent as text only." },
  clodronate: { system: SYSTEMS.rxnorm, code: null, display: "clodronate", source: "Not verified: no publication found here; sent as text only." },
  "zoledronic-acid": { system: SYSTEMS.rxnorm, code: "77655", display: "zoledronic acid", source: "RxCUI 77655 (ingredient); one public source only (a research code base's RXNORM/77655 zoledronic-acid concept): re-check against RxNav before relying on it." },
  "capsaicin-8-patch": { system: SYSTEMS.rxnorm, code: null, display: "capsaicin", source: "Not verified: no publication found here; sent as text only." },
  "capsaicin-cream": { system: SYSTEMS.rxnorm, code: null, display: "capsaicin", source: "Not verified: no publication found here; sent as text only." },
};

/** UCUM units for the domain's dose units; "patch" and "application" are UCUM annotations. */
export const UCUM_DOSE_UNITS: Record<string, string> = { mg: "mg", mcg: "ug", g: "g", ml: "mL", patch: "{patch}", application: "{application}", "%": "%" };

/** A FHIR Coding for a term, or none when its code is unverified. */
export function codingsOf(term: TermCode): { system: string; code: string; display: string }[] {
  return term.code === null ? [] : [{ system: term.system, code: term.code, display: term.display }];
}
