import { z } from "zod";
import { ROLES } from "@concord/domain";
import { viewerClockOutput } from "./shared";

/** Who is signed in and their clock. */
export const meOutput = viewerClockOutput.extend({
  userId: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLES),
  patientId: z.string().nullable(),
});

export const ownTimeZoneOutput = viewerClockOutput;

export const passwordChangedOutput = z.object({ sessionsEnded: z.number().int() });
