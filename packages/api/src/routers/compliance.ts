import type { TRPCRouterRecord } from "@trpc/server";
import { auditExportInput, auditSearchInput, deletedMessageListInput, emergencyAccessListInput, reviewEmergencyAccessInput } from "@concord/domain";
import {
  auditDirectoryOutput,
  auditExportOutput,
  auditLogPageOutput,
  deletedMessagesPageOutput,
  emergencyAccessReviewPageOutput,
  emergencyAccessReviewedOutput,
} from "../outputs/compliance";
import { globalProcedure } from "../trpc";
import { exportAuditLog, readAuditDirectory, readDeletedMessages, readEmergencyAccessReviews, searchAuditLog } from "../use-cases/compliance";
import { reviewEmergencyAccess } from "../use-cases/emergency-access";

/** The compliance officer's procedures: the audit trail and emergency-access reviews, no clinical content beyond audit rows. */
export const complianceRouter = {
  auditLog: globalProcedure("audit.search")
    .input(auditSearchInput)
    .output(auditLogPageOutput)
    .query(({ ctx, input }) => searchAuditLog(ctx.db, ctx.audit, ctx.settings, input)),

  exportAudit: globalProcedure("audit.export")
    .input(auditExportInput)
    .output(auditExportOutput)
    .query(({ ctx, input }) => exportAuditLog(ctx.db, ctx.audit, ctx.settings, input.filter)),

  /** Staff and patients by name, for the search filters (no clinical content). */
  directory: globalProcedure("audit.directory")
    .output(auditDirectoryOutput)
    .query(({ ctx }) => readAuditDirectory(ctx.db)),

  emergencyAccesses: globalProcedure("emergencyAccess.reviewList")
    .input(emergencyAccessListInput)
    .output(emergencyAccessReviewPageOutput)
    .query(({ ctx, input }) => readEmergencyAccessReviews(ctx.db, ctx.audit, input)),

  reviewEmergencyAccess: globalProcedure("emergencyAccess.review")
    .input(reviewEmergencyAccessInput)
    .output(emergencyAccessReviewedOutput)
    .mutation(({ ctx, input }) => reviewEmergencyAccess(ctx.db, ctx.actor, ctx.audit, input)),

  deletedMessages: globalProcedure("deletedMessage.read")
    .input(deletedMessageListInput)
    .output(deletedMessagesPageOutput)
    .query(({ ctx, input }) => readDeletedMessages(ctx.db, ctx.audit, input)),
} satisfies TRPCRouterRecord;
