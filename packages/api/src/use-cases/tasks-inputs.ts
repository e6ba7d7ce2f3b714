import { z } from "zod";
import { INT4_MAX } from "@concord/domain";

export const myTasksInput = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const carePlanAtVersionInput = z.object({
  version: z
    .number({ error: "Choose a plan version." })
    .int({ error: "The plan version is a whole number." })
    .min(1, { error: "Plan versions start at 1." })
    .max(INT4_MAX, { error: "The plan version is not valid." }),
});
