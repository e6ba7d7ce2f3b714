import { z } from "zod";
import { calendarDateSchema } from "../dates/index";
import { goalSchema } from "./goals";
import { interventionSchema } from "./intervention";
import { interventionName } from "./intervention-name";
import { goalLabel } from "./treatment-goals";

/** A patient's care plan. `version` is owned by the db layer, which bumps it on every saved change. */
export const carePlanSchema = z
  .object({
    patientId: z.string().min(1),
    version: z.number().int().min(0),
    reviewDueAt: calendarDateSchema,
    goals: z.array(goalSchema),
    interventions: z.array(interventionSchema),
  })
  .superRefine((plan, ctx) => {
    const goalIds = new Set<string>();
    plan.goals.forEach((g, index) => {
      if (goalIds.has(g.id)) {
        ctx.addIssue({ code: "custom", path: ["goals", index], message: `The goal ‘${goalLabel(g.id)}’ appears twice.` });
      }
      goalIds.add(g.id);
    });
    const interventionIds = new Set<string>();
    plan.interventions.forEach((i, index) => {
      if (interventionIds.has(i.id)) {
        ctx.addIssue({ code: "custom", path: ["interventions", index, "id"], message: `Intervention id ${i.id} appears twice.` });
      }
      interventionIds.add(i.id);
      for (const g of i.goalIds) {
        if (!goalIds.has(g)) {
          ctx.addIssue({
            code: "custom",
            path: ["interventions", index, "goalIds"],
            message: `${interventionName(i)} is linked to ‘${goalLabel(g)}’, which is not a goal in this plan.`,
          });
        }
      }
    });
  });
export type CarePlan = z.infer<typeof carePlanSchema>;
