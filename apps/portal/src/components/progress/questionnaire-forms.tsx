/*
 * The questionnaires, for a page that offers them all (the clinician's measures page). A patient's page imports
 * the one it asks from its own module, so it lists only that form's client part among its scripts.
 */
export { FrequencyQuestionnaire } from "./frequency-questionnaire";
export { PsfsForm } from "./psfs-form";
