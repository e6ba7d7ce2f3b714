import { describe, expect, it } from "vitest";
import { describeRecordAccess } from "./access-log";

describe("describeRecordAccess", () => {
  it.each([
    ["carePlan.comment", "wrote on your care plan"],
    ["carePlan.comments", "read your care plan"],
    ["carePlan.update", "changed your care plan"],
    ["checkIns.reviewSideEffect", "reviewed a side effect you reported"],
    ["checkIns.latestForReview", "read your check-ins"],
    ["measures.recordCss", "recorded a measure"],
    ["measures.list", "read your measures and questionnaires"],
    ["messaging.postMessage", "read messages about you"],
    ["messaging.post", "wrote a message"],
    ["messaging.delete", "deleted a message"],
    ["admin.careTeams.list", "managed your account or care team (no clinical content)"],
    ["emergencyAccess.open", "opened your record in an emergency"],
    ["emergencyAccess.end", "ended their emergency access to your record"],
    ["emergencyAccess.mine", "looked at their emergency access to your record"],
    ["tasks.mine", "read your care plan"],
    ["notifications.list", "read a notification about you"],
    ["patients.register", "registered you and sent your invitation"],
    ["patients.list", "opened your record"],
    ["something.new", "opened your record"],
    ["emergencyAccess.open", "opened your record in an emergency"],
    ["compliance.auditLog", "reviewed the audit trail of your record (no clinical content)"],
    ["compliance.deletedMessages", "read deleted messages about you, for a compliance review"],
  ])("%s → %s", (action, words) => expect(describeRecordAccess(action)).toBe(words));
});
