import type { ClinicSettings } from "../clinic-settings";

/**
 * Crisis resources a patient sees after a PHQ-9 with item 9 above 0, and on their home while an
 * urgent alert is open. Chosen by the deployment's region (ClinicSettings.crisisRegion), so the
 * numbers are the ones that work where the patient is: nothing here is an "example".
 *
 * Sources (docs: CRPS-DOMAIN.md, "Crisis resources"): United States 911 and the 988 Suicide &
 * Crisis Lifeline (call or text 988); United Kingdom and Ireland 999 / 112 and Samaritans 116 123
 * (free, 24 hours); elsewhere the local emergency number (112 across the EU) and the clinic's own
 * crisis contact.
 */

/** Why a patient's home shows crisis resources: thoughts of self-harm (crisis lines) or an urgent symptom (the emergency number). */
export const CRISIS_RESOURCE_REASONS = ["self-harm", "symptom"] as const;
export type CrisisResourceReason = (typeof CRISIS_RESOURCE_REASONS)[number];

export interface CrisisResourceEntry {
  /** Who answers, in words the patient reads ("Samaritans (free, 24 hours)"). */
  label: string;
  /** The number as it is said and dialled ("116 123"). */
  number: string;
  /** A tap-to-call href: "tel:" and the digits (a leading + is kept for international numbers). */
  tel: string;
  /** Set when the line also takes text messages. */
  text?: "call or text";
}

export interface CrisisResources {
  heading: string;
  message: string;
  /** The emergency number first, crisis lines next. */
  entries: CrisisResourceEntry[];
}

export interface EmergencyAdvice {
  number: string;
  tel: string;
  /** "Call 911 now" */
  text: string;
}

/** "tel:" + the digits of a phone number; a leading "+" stays (RFC 3966 global numbers). */
export function telHref(number: string): string {
  const trimmed = number.trim();
  const digits = trimmed.replace(/\D/g, "");
  return `tel:${trimmed.startsWith("+") ? "+" : ""}${digits}`;
}

/** "sms:" + the digits, for lines that take texts. */
export function smsHref(number: string): string {
  return `sms:${telHref(number).slice("tel:".length)}`;
}

function entry(label: string, number: string, text?: "call or text"): CrisisResourceEntry {
  return text ? { label, number, tel: telHref(number), text } : { label, number, tel: telHref(number) };
}

/** The number to call for an emergency in this deployment's region. */
export function emergencyNumberFor(settings: Pick<ClinicSettings, "crisisRegion" | "emergencyNumber">): string {
  switch (settings.crisisRegion) {
    case "us":
      return "911";
    case "uk-ie":
      return "999";
    case "generic":
      return settings.emergencyNumber;
  }
}

export const CRISIS_HEADING = "You do not have to face this alone";

const TEAM_NOTE =
  "Your care team will be told about your answer, but they may not see it straight away, so please do not wait for them to contact you.";

/** The crisis resources for the deployment's region: emergency number first, then crisis lines. */
export function crisisResourcesFor(settings: Pick<ClinicSettings, "crisisRegion" | "emergencyNumber" | "clinicCrisisPhone">): CrisisResources {
  const emergency = emergencyNumberFor(settings);
  const danger = `If you are in immediate danger, call ${emergency} now or go to the nearest emergency department.`;
  switch (settings.crisisRegion) {
    case "us":
      return {
        heading: CRISIS_HEADING,
        message: `If you are thinking about harming yourself, please talk to someone now: call or text 988, the Suicide & Crisis Lifeline. ${danger} ${TEAM_NOTE}`,
        entries: [entry("Emergency services", "911"), entry("988 Suicide & Crisis Lifeline", "988", "call or text")],
      };
    case "uk-ie":
      return {
        heading: CRISIS_HEADING,
        message: `If you are thinking about harming yourself, please talk to someone now: Samaritans answer free on 116 123, day or night. If you are in immediate danger, call 999 or 112 now or go to the nearest emergency department. ${TEAM_NOTE}`,
        entries: [entry("Emergency services", "999"), entry("Emergency services (also)", "112"), entry("Samaritans (free, 24 hours)", "116 123")],
      };
    case "generic": {
      const clinic = settings.clinicCrisisPhone?.trim();
      const talk = clinic ? `please talk to someone now: call your clinic's crisis line on ${clinic}.` : "please talk to someone now: a crisis line or someone you trust.";
      return {
        heading: CRISIS_HEADING,
        message: `If you are thinking about harming yourself, ${talk} ${danger} ${TEAM_NOTE}`,
        entries: [entry("Emergency services", emergency), ...(clinic ? [entry("Your clinic's crisis line", clinic)] : [])],
      };
    }
  }
}

/**
 * For the patient's home while an urgent alert about a reported symptom (not self-harm) is open: the
 * emergency number, with words about the symptom rather than about self-harm.
 */
export function urgentSymptomResourcesFor(settings: Pick<ClinicSettings, "crisisRegion" | "emergencyNumber">): CrisisResources {
  const emergency = emergencyNumberFor(settings);
  return {
    heading: "Your care team has been alerted",
    message: `You reported a symptom that needs a clinician quickly. If it gets worse, or you feel very unwell, call ${emergency} now or go to the nearest emergency department. Do not wait for your team to contact you.`,
    entries: [entry("Emergency services", emergency)],
  };
}

/** For red flags that need emergency services now (e.g. chest pain or breathlessness). */
export function emergencyAdvice(settings: Pick<ClinicSettings, "crisisRegion" | "emergencyNumber">): EmergencyAdvice {
  const number = emergencyNumberFor(settings);
  return { number, tel: telHref(number), text: `Call ${number} now` };
}
