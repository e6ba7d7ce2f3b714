import { DISCIPLINE_LABELS, type Discipline } from "../roles";
import { CATEGORY_OWNERS, type TherapyCategory, getTherapy } from "./catalogue";
import { type InterventionStatus, STATUS_TRANSITIONS } from "./intervention-status";
import { type OwnedItem, actionForTransition, mayChangeIntervention, ownersOf } from "./ownership";

/**
 * What a care-plan form may offer, asked of the same rules the server applies: the portal shows
 * these answers and restates none of them, so a form never promises what the server will not do.
 */

export type AdditionStatus = "active" | "proposed";

/**
 * The status a new item is saved with: its owner may start it at once (or propose it); anyone else
 * only proposes it, whatever they ask for, and the owning discipline decides whether to start it.
 */
export function additionStatus(actorDiscipline: Discipline, item: OwnedItem, requested?: AdditionStatus): AdditionStatus {
  const owner = mayChangeIntervention(actorDiscipline, item, "activate").allowed;
  return owner ? (requested ?? "active") : "proposed";
}

/** The disciplines that may own an item of a category (a custom item names one of them). */
export function ownerChoices(category: TherapyCategory): readonly Discipline[] {
  return CATEGORY_OWNERS[category];
}

/** The owner a new item gets unless another is chosen: the viewer when they may own it, else the first owner. */
export function defaultOwner(category: TherapyCategory, viewer: Discipline | null): Discipline {
  const choices = CATEGORY_OWNERS[category];
  return viewer !== null && choices.includes(viewer) ? viewer : choices[0];
}

/** A new item as the add form describes it: a catalogue therapy, or a custom one with its category and owner. */
export type NewItemChoice =
  | { custom: false; therapyId: string }
  | { custom: true; name: string; category: TherapyCategory; ownerDiscipline: Discipline };

/** The identity the domain will give the new item (addIntervention), for asking the ownership rules. */
export function newItemIdentity(choice: NewItemChoice, viewer: Discipline | null): OwnedItem | null {
  if (choice.custom) {
    return { custom: true, customName: choice.name, therapyId: null, category: choice.category, ownerDiscipline: choice.ownerDiscipline };
  }
  const therapy = getTherapy(choice.therapyId);
  if (!therapy) return null;
  const ownerDiscipline = viewer !== null && therapy.ownerDisciplines.includes(viewer) ? viewer : therapy.ownerDisciplines[0];
  return { custom: false, customName: null, therapyId: therapy.id, category: therapy.category, ownerDiscipline };
}

export interface AdditionOffer {
  /** Who may start and change the item. */
  owners: readonly Discipline[];
  /** The statuses the form may offer to start with: both for an owner, "proposed" only otherwise. */
  startOptions: readonly AdditionStatus[];
  willBeProposed: boolean;
  /** One sentence for the form: what will happen when it is saved. */
  message: string;
}

export function additionOffer(viewer: Discipline | null, item: OwnedItem): AdditionOffer {
  const owners = ownersOf(item);
  const owner = viewer !== null && additionStatus(viewer, item) === "active";
  if (owner) return { owners, startOptions: ["active", "proposed"], willBeProposed: false, message: "You can start it now or propose it." };
  const who = owners.map((d) => DISCIPLINE_LABELS[d].toLowerCase()).join(" or ");
  return {
    owners,
    startOptions: ["proposed"],
    willBeProposed: true,
    message: `It will be proposed for the ${who} to accept: only they can start it.`,
  };
}

/** Completed and stopped items never change again. */
export function isFinalStatus(status: InterventionStatus): boolean {
  return STATUS_TRANSITIONS[status].length === 0;
}

/**
 * The status changes a clinician may make to an item: the transitions its status allows, each
 * only when the clinician's discipline may make it (owners start, pause, complete and stop).
 */
export function allowedStatusChanges(item: OwnedItem & { status: InterventionStatus }, discipline: Discipline | null): InterventionStatus[] {
  if (discipline === null) return [];
  return STATUS_TRANSITIONS[item.status].filter((to) => mayChangeIntervention(discipline, item, actionForTransition(item.status, to)).allowed);
}
