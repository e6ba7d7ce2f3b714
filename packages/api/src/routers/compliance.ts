import type { TRPCRouterRecord } from "@trpc/server";
import { auditExportInput, auditSearchInput, deletedMessageListInput, emergencyAccessListInput, reviewEmergencyAccessInput } from "@concord/domain";
import { auditDirectory, writeAudit } from "@concord/db";
import {
  auditDirectoryOutput,
  auditExportOutput,
  auditLogPageOutput,
  deletedMessagesPageOutput,
  emergencyAccessReviewPageOutput,
  emergencyAccessReviewedOutput,
} from "../outputs/compliance";
import { globalProcedure } from "../trpc";
import { exportAuditLog, readDeletedMessages, readEmergencyAccessReviews, searchAuditLog } from "../use-cases/compliance";
import { reviewEmergencyAccess } from "../use-cases/emergency-access";

/** The compliance officer's procedures: the audit trail and emergency-access reviews, no clinical content beyond audit rows. */
export const complianceRouter = {
  auditLog: globalProcedure("audit.search")
    .input(auditSearchInput)
    .output(auditLogPageOutput)
    .query(({ ctx, input }) => searchAuditLog(ctx.db, ctx.actor, ctx.settings, input)),

  exportAudit: globalProcedure("audit.export")
    .input(auditExportInput)
    .output(auditExportOutput)
    .query(({ ctx, input }) => exportAuditLog(ctx.db, ctx.actor, ctx.settings, input.filter)),

  directory: globalProcedure("audit.directory")
    .output(auditDirectoryOutput)
    .query(async ({ ctx }) => {
      const directory = await auditDirectory(ctx.db);
      await writeAudit(ctx.db, { actorId: ctx.actor.userId, actorRole: ctx.actor.role, action: "compliance.directory", patientId: null, outcome: "allowed", detail: { permission: "audit.directory" } });
      return directory;
    }),

  emergencyAccesses: globalProcedure("emergencyAccess.reviewList")
    .input(emergencyAccessListInput)
    .output(emergencyAccessReviewPageOutput)
    .query(({ ctx, input }) => readEmergencyAccessReviews(ctx.db, ctx.actor, input)),

  reviewEmergencyAccess: globalProcedure("emergencyAccess.review")
    .input(reviewEmergencyAccessInput)
    .output(emergencyAccessReviewedOutput)
    .mutation(({ ctx, input }) => reviewEmergencyAccess(ctx.db, ctx.actor, input)),

  deletedMessages: globalProcedure("deletedMessage.read")
    .input(deletedMessageListInput)
    .output(deletedMessagesPageOutput)
    .query(({ ctx, input }) => readDeletedMessages(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
