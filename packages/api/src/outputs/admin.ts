import { z } from "zod";
import { INVITATION_STATES, ROLES } from "@concord/domain";
import { disciplineOutput, invitationDeliveryOutput } from "./shared";

/** Administrators' answers: accounts and team membership, never clinical content, a token or a password. */

export const accountListOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.enum(ROLES),
      active: z.boolean(),
      secondFactorOn: z.boolean(),
      invitation: z
        .object({
          state: z.enum(INVITATION_STATES),
          sentAt: z.date(),
          expiresAt: z.date(),
          acceptedAt: z.date().nullable(),
          emailError: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const invitedUserOutput = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  patientId: z.string().nullable(),
  invitation: invitationDeliveryOutput,
});

export const invitationResentOutput = z.object({ userId: z.string(), invitation: invitationDeliveryOutput });
export const invitationRevokedOutput = z.object({ userId: z.string(), revoked: z.number().int() });
export const accountActiveOutput = z.object({ id: z.string(), active: z.boolean() });
export const secondFactorResetOutput = z.object({ userId: z.string(), emailed: z.boolean() });

export const unroutedAlertsOutput = z.array(
  z.object({ patientId: z.string(), patientName: z.string(), openUrgentAlerts: z.number().int(), since: z.date() }),
);

export const careTeamDirectoryOutput = z.object({
  nextCursor: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      team: z.array(z.object({ clinicianId: z.string(), name: z.string(), discipline: disciplineOutput })),
    }),
  ),
});

export const careTeamAssignedOutput = z.object({ patientId: z.string(), clinicianId: z.string() });
export const careTeamRemovedOutput = z.object({ removed: z.boolean() });
