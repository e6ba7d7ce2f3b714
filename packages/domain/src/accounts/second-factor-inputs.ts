import { z } from "zod";

/** An administrator resets a person's second factor. */
export const resetSecondFactorInput = z.object({ userId: z.uuid() });
export type ResetSecondFactorInput = z.infer<typeof resetSecondFactorInput>;
