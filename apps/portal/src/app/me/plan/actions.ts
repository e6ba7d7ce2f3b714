"use server";
import type { RouterInputs } from "@concord/api";
import { runAction } from "~/server/action-result";

/*
 * The care plan's forms as server actions: each runs the same procedure through the server caller, so its input
 * schema, permission, access check and audit apply as over /api/trpc; the page loads no API client.
 */

export async function markPlanSeen(input: RouterInputs["carePlan"]["markSeen"]) {
  return runAction((caller) => caller.carePlan.markSeen(input));
}

export async function commentOnPlan(input: RouterInputs["carePlan"]["comment"]) {
  return runAction((caller) => caller.carePlan.comment(input));
}
