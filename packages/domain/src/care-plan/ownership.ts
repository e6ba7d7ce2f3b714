import { DISCIPLINE_LABELS, type Discipline } from "../roles";
import { CATEGORY_OWNERS, type TherapyCategory } from "./catalogue";
import type { Intervention } from "./intervention";
import { interventionName } from "./intervention-name";
import type { InterventionStatus } from "./intervention-status";

export const INTERVENTION_ACTIONS = [
  "propose",
  "activate",
  "update",
  "pause",
  "resume",
  "complete",
  "stop",
  "comment",
] as const;
export type InterventionAction = (typeof INTERVENTION_ACTIONS)[number];

/** Suggesting and discussing are open to the whole team; acting on an item belongs to its owner. */
const OPEN_TO_TEAM: readonly InterventionAction[] = ["propose", "comment"];

const CATEGORY_NOUNS: Record<Exclude<TherapyCategory, "self_management">, string> = {
  medication: "medications",
  interventional: "interventional procedures",
  experimental: "experimental therapies",
  pt_ot: "physical and occupational therapy items",
  psychological: "psychological therapies",
};

export type OwnershipDecision = { allowed: true } | { allowed: false; message: string };

export type OwnedItem = Pick<Intervention, "category" | "custom" | "customName" | "therapyId" | "ownerDiscipline">;

/** The disciplines that may act on an item (beyond proposing and commenting). */
export function ownersOf(item: OwnedItem): readonly Discipline[] {
  // Self-management is whole-team by nature, custom or not; otherwise a custom item is its owner's.
  if (item.category === "self_management") return CATEGORY_OWNERS.self_management;
  return item.custom ? [item.ownerDiscipline] : CATEGORY_OWNERS[item.category];
}

export function mayChangeIntervention(
  actorDiscipline: Discipline,
  item: OwnedItem,
  action: InterventionAction,
): OwnershipDecision {
  if (OPEN_TO_TEAM.includes(action)) return { allowed: true };
  const owners = ownersOf(item);
  if (owners.includes(actorDiscipline)) return { allowed: true };

  const who = owners.map((d) => DISCIPLINE_LABELS[d].toLowerCase()).join(" or ");
  const what =
    item.custom || item.category === "self_management"
      ? `“${interventionName(item)}”`
      : CATEGORY_NOUNS[item.category];
  return {
    allowed: false,
    message: `Only the ${who} can change ${what}. You can still comment or propose a change.`,
  };
}

/** The ownership action a status change amounts to. */
export function actionForTransition(from: InterventionStatus, to: InterventionStatus): InterventionAction {
  switch (to) {
    case "active":
      return from === "paused" ? "resume" : "activate";
    case "paused":
      return "pause";
    case "completed":
      return "complete";
    case "stopped":
      return "stop";
    case "proposed":
      return "propose";
  }
}
