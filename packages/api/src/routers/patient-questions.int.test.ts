import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { DomainError } from "@concord/domain";
import { listAuditForActor, listNotifications, listUserEventsAfter, queryRows, setUserActive, sql } from "@concord/db";
import { testBackends } from "@concord/db/testing";
import { type DemoActorKey, type Harness, openHarness } from "../testing/harness";

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const cause = e.cause instanceof DomainError ? e.cause : null;
    return { code: e.code, message: e.message, ...(cause?.details ? { details: cause.details } : {}) };
  }
  throw new Error("expected the call to fail");
}

const TEAM = ["physician", "pt", "ot", "psychologist"] as const;
const UNKNOWN_ID = "00000000-0000-4000-8000-00000000beef";

/**
 * A patient's comment is a question that reaches the team, waits on their worklist and is settled
 * once (answered or handled); everything goes through the real tRPC callers on a seeded database.
 */
describe.each(testBackends())("patient questions on %s", (backend) => {
  let h: Harness;
  let alex: string;
  const plan = (key: DemoActorKey | null) => h.callerFor(key).carePlan;
  const worklist = (key: DemoActorKey | null, input: { cursor?: string; limit?: number } = {}) => h.callerFor(key).alerts.patientQuestions(input);
  const questionNotices = async (key: DemoActorKey) =>
    (await listNotifications(h.handle.db, { userId: h.ids.users[key], limit: 100 })).items.filter((n) => n.kind === "patient_question");
  const commentCount = async () => {
    const [row] = await queryRows<{ n: number }>(h.handle.db, sql`select count(*)::int as n from care_plan_comments`);
    return Number(row?.n);
  };
  const resolutionCount = async () => {
    const [row] = await queryRows<{ n: number }>(h.handle.db, sql`select count(*)::int as n from patient_question_resolutions`);
    return Number(row?.n);
  };
  /** How many question notifications each team member has, by matrix-style key. */
  const teamCounts = async () => {
    const counts = { physician: 0, pt: 0, ot: 0, psychologist: 0 };
    for (const key of TEAM) counts[key] = (await questionNotices(key)).length;
    return counts;
  };
  const itemId = async (therapyId: string) => {
    const current = await plan("physician").get({ patientId: alex });
    const item = current.plan.interventions.find((i) => i.therapyId === therapyId);
    if (!item) throw new Error(`no ${therapyId} in the plan`);
    return item;
  };
  const ask = async (body: string, interventionId?: string, patient: "alex" | "jordan" | "casey" = "alex") =>
    (await h.callerFor(patient).carePlan.comment({ patientId: h.ids.patients[patient], body, interventionId })).id;

  beforeAll(async () => {
    h = await openHarness(backend);
    alex = h.ids.patients.alex;
  });
  afterAll(async () => h?.close());

  it("tells only the responsible clinician about a question on their item, live, with a link to the comment", async () => {
    const mirror = await itemId("mirror-therapy");
    expect(mirror.responsibleClinicianId).toBe(h.ids.users.pt);
    const [lastEvent] = await queryRows<{ id: number | null }>(h.handle.db, sql`select max(id) as id from realtime_events`);
    const before = Number(lastEvent?.id ?? 0);

    const result = await h.callerFor("alex").carePlan.comment({ patientId: alex, interventionId: mirror.id, body: "Should the mirror be on my left side?" });
    expect(result).toMatchObject({ question: true, about: "Mirror therapy (graded motor imagery)" });

    const [notice, ...more] = await questionNotices("pt");
    expect(more).toEqual([]);
    expect(notice).toMatchObject({
      patientId: alex,
      title: "Question from Alex Morgan about Mirror therapy (graded motor imagery)",
      link: `/patients/${alex}/plan#comment-${result.id}`,
      readAt: null,
    });
    for (const key of ["physician", "ot", "psychologist"] as const) expect(await questionNotices(key)).toEqual([]);
    // The notification stream re-reads events addressed to the user: one was appended for the PT only.
    const events = await listUserEventsAfter(h.handle.db, { userId: h.ids.users.pt, afterId: before });
    expect(events.map((e) => [e.kind, e.notificationId])).toEqual([["notification", notice?.id]]);
    expect(await listUserEventsAfter(h.handle.db, { userId: h.ids.users.physician, afterId: before })).toEqual([]);
  });

  it("tells the whole active team about a general question or one on an item nobody owns", async () => {
    const cbt = await itemId("cbt");
    expect(cbt.responsibleClinicianId).toBeNull();
    const start = await teamCounts();
    await ask("Can I take the tablets with food?");
    await ask("When would talking therapy start?", cbt.id);
    expect(await teamCounts()).toEqual({ physician: start.physician + 2, pt: start.pt + 2, ot: start.ot + 2, psychologist: start.psychologist + 2 });
    const [latest] = await questionNotices("psychologist");
    expect(latest?.title).toBe("Question from Alex Morgan about Cognitive behavioural therapy (CBT)");
  });

  it("tells the rest of the active team when the responsible clinician is deactivated", async () => {
    const mirror = await itemId("mirror-therapy");
    const before = await teamCounts();
    await setUserActive(h.handle.db, h.ids.users.pt, false);
    try {
      await ask("Is it normal that my hand feels strange afterwards?", mirror.id);
    } finally {
      await setUserActive(h.handle.db, h.ids.users.pt, true);
    }
    const after = await teamCounts();
    expect(after).toEqual({ physician: before.physician + 1, pt: before.pt, ot: before.ot + 1, psychologist: before.psychologist + 1 });
  });

  it("keeps a clinician's comment off the worklist and out of everyone's question notifications", async () => {
    const before = await teamCounts();
    const open = (await worklist("physician", { limit: 100 })).items.length;
    const result = await plan("psychologist").comment({ patientId: alex, body: "Team: let's review sleep at the next visit." });
    expect(result.question).toBe(false);
    expect(await teamCounts()).toEqual(before);
    const page = await worklist("physician", { limit: 100 });
    expect(page.items).toHaveLength(open);
    expect(page.items.map((q) => q.id)).not.toContain(result.id);
  });

  it("lists open questions, longest-waiting first, to team members only, and audits every patient shown", async () => {
    const jordanQuestion = await ask("Is the new walking target per day?", undefined, "jordan");
    // Casey's only clinician is the outsider; Casey has no plan in the demo until they start one.
    const casey = h.ids.patients.casey;
    await h.callerFor("outsider").carePlan.update({
      patientId: casey,
      expectedVersion: 0,
      command: { type: "addGoal", goalId: "pain", targets: [{ kind: "pain_average_at_most", value: 4, byDate: "2027-01-01" }] },
    });
    const caseyQuestion = await ask("Is swimming allowed?", undefined, "casey");

    for (const key of TEAM) {
      const page = await worklist(key, { limit: 100 });
      expect(page.items.map((q) => q.patientName)).toEqual(["Alex Morgan", "Alex Morgan", "Alex Morgan", "Alex Morgan", "Jordan Lee"]);
      const times = page.items.map((q) => q.createdAt);
      expect([...times].sort()).toEqual(times);
    }
    const [first] = (await worklist("physician", { limit: 100 })).items;
    expect(first).toMatchObject({ patientId: alex, about: "Mirror therapy (graded motor imagery)", body: "Should the mirror be on my left side?" });
    expect((await worklist("physician", { limit: 100 })).items.at(-1)).toMatchObject({ id: jordanQuestion, about: null });

    // The outsider is on Casey's team only: Casey's question, nothing of Alex's or Jordan's.
    const outsiderPage = await worklist("outsider");
    expect(outsiderPage.items.map((q) => [q.id, q.patientName])).toEqual([[caseyQuestion, "Casey Nguyen"]]);
    expect(outsiderPage.nextCursor).toBeNull();
    expect(await worklist("unassigned")).toEqual({ items: [], nextCursor: null });
    for (const key of ["alex", "admin"] as const) expect(await failure(worklist(key))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(worklist(null))).toMatchObject({ code: "UNAUTHORIZED" });

    const audit = await listAuditForActor(h.handle.db, h.ids.users.physician, "alerts.patientQuestions", 10);
    // The last list showed Alex's and Jordan's questions: its one insert wrote a row for each, then
    // the call's own row (no patient) closed its transaction.
    const lastRead = audit.slice(0, 3);
    expect(lastRead[0]).toMatchObject({ patientId: null, detail: { permission: "patientQuestion.worklist", type: "query" } });
    expect(lastRead.slice(1).map((a) => a.patientId).sort()).toEqual([alex, h.ids.patients.jordan].sort());
    expect(lastRead.every((a) => a.outcome === "allowed")).toBe(true);
  });

  it("pages with a cursor that does not skip or repeat, and refuses a forged cursor", async () => {
    const all = (await worklist("ot", { limit: 100 })).items.map((q) => q.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await worklist("ot", { limit: 2, cursor });
      seen.push(...page.items.map((q) => q.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(await failure(worklist("ot", { cursor: "not-a-cursor" }))).toMatchObject({ code: "BAD_REQUEST", message: "This page link is not valid. Go back to the first page." });
  });

  it("answers a question: a reply in one transaction, off the worklist, the patient told and shown the answer", async () => {
    const [question] = (await worklist("pt", { limit: 1 })).items;
    if (!question) throw new Error("no open question");
    const patientNoticesBefore = (await questionNotices("alex")).length;

    const result = await plan("pt").answerQuestion({ patientId: alex, commentId: question.id, body: "  Yes: the mirror faces your left, painful hand.  " });
    expect(result.questionId).toBe(question.id);

    for (const key of TEAM) expect((await worklist(key, { limit: 100 })).items.map((q) => q.id)).not.toContain(question.id);
    const [notice, ...older] = await questionNotices("alex");
    expect(older).toHaveLength(patientNoticesBefore);
    expect(notice).toMatchObject({ title: "Your team answered your question", link: `/me/plan#comment-${question.id}`, patientId: alex });

    const patientView = await plan("alex").comments({ patientId: alex, limit: 100 });
    const asked = patientView.items.find((c) => c.id === question.id);
    expect(asked?.question).toMatchObject({ state: "answered", resolvedByName: "Sam Lindqvist", answer: "Yes: the mirror faces your left, painful hand." });
    const reply = patientView.items.find((c) => c.id === result.answerId);
    expect(reply).toMatchObject({ replyToId: question.id, authorName: "Sam Lindqvist", question: null, interventionId: question.interventionId });

    const teamView = await plan("physician").comments({ patientId: alex, limit: 100 });
    expect(teamView.items.find((c) => c.id === question.id)?.question?.state).toBe("answered");
    const [audit] = await listAuditForActor(h.handle.db, h.ids.users.pt, "carePlan.answerQuestion", 1);
    expect(audit).toMatchObject({ outcome: "allowed", patientId: alex });
  });

  it("marks a question handled: off the worklist, 'Seen by your team' state, no notification to the patient", async () => {
    const open = (await worklist("physician", { limit: 100 })).items;
    const question = open.find((q) => q.patientId === alex && q.about === null);
    if (!question) throw new Error("no general question open");
    const patientNoticesBefore = (await questionNotices("alex")).length;
    const comments = await commentCount();

    await plan("physician").markQuestionHandled({ patientId: alex, commentId: question.id });

    const after = (await worklist("psychologist", { limit: 100 })).items.map((q) => q.id);
    expect(after).toEqual(open.map((q) => q.id).filter((id) => id !== question.id));
    expect(await commentCount()).toBe(comments);
    expect(await questionNotices("alex")).toHaveLength(patientNoticesBefore);
    const view = await plan("alex").comments({ patientId: alex, limit: 100 });
    expect(view.items.find((c) => c.id === question.id)?.question).toMatchObject({ state: "handled", resolvedByName: "Dr. Maya Okafor", answer: null });
  });

  it("refuses a second resolution with CONFLICT naming who settled it and when, and writes nothing", async () => {
    const view = await plan("physician").comments({ patientId: alex, limit: 100 });
    const answered = view.items.find((c) => c.question?.state === "answered");
    const handled = view.items.find((c) => c.question?.state === "handled");
    if (!answered || !handled) throw new Error("fixtures missing");
    const before = { comments: await commentCount(), resolutions: await resolutionCount(), alexNotices: (await questionNotices("alex")).length };

    const again = await failure(plan("ot").answerQuestion({ patientId: alex, commentId: answered.id, body: "Me too" }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/^Already answered by Sam Lindqvist at \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC\. Reload to see it\.$/);
    expect(again.details).toMatchObject({ how: "answered", resolvedByName: "Sam Lindqvist" });
    expect(await failure(plan("ot").markQuestionHandled({ patientId: alex, commentId: answered.id }))).toMatchObject({ code: "CONFLICT" });
    const second = await failure(plan("pt").answerQuestion({ patientId: alex, commentId: handled.id, body: "Late answer" }));
    expect(second).toMatchObject({ code: "CONFLICT" });
    expect(second.message).toMatch(/^Already marked handled by Dr\. Maya Okafor at /);

    expect({ comments: await commentCount(), resolutions: await resolutionCount(), alexNotices: (await questionNotices("alex")).length }).toEqual(before);
    const [audit] = await listAuditForActor(h.handle.db, h.ids.users.pt, "carePlan.answerQuestion", 1);
    expect(audit).toMatchObject({ outcome: "error", detail: { code: "CONFLICT" } });
  });

  it("lets exactly one of several clinicians answering at once win; the losers' replies are not kept", async () => {
    const [question] = (await worklist("physician", { limit: 1 })).items;
    if (!question) throw new Error("no open question");
    const comments = await commentCount();
    // Each call is its own transaction (on Postgres, its own pooled connection): only the database orders them.
    const attempts = [...TEAM, ...TEAM].map((key, n) =>
      plan(key).answerQuestion({ patientId: question.patientId, commentId: question.id, body: `Answer ${n} from ${key}` }),
    );
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason as TRPCError] : []));
    expect(won).toHaveLength(1);
    expect(lost.map((e) => [e.code, e.message.startsWith("Already answered by ")])).toEqual(lost.map(() => ["CONFLICT", true]));
    expect(await commentCount()).toBe(comments + 1);
    const view = await plan("alex").comments({ patientId: question.patientId, limit: 100 });
    expect(view.items.filter((c) => c.replyToId === question.id)).toHaveLength(1);
  });

  describe("bad input is refused in words, and nothing is written", () => {
    let open: string;
    let clinicianComment: string;
    let reply: string;
    beforeAll(async () => {
      open = await ask("One more question about pacing.");
      clinicianComment = (await plan("pt").comment({ patientId: alex, body: "Reminder: bring your splint." })).id;
      const view = await plan("pt").comments({ patientId: alex, limit: 100 });
      const found = view.items.find((c) => c.replyToId !== null && c.authorName === "Sam Lindqvist");
      if (!found) throw new Error("no reply yet");
      reply = found.id;
    });

    it.each([
      ["an empty answer", () => ({ commentId: open, body: "   " }), "BAD_REQUEST", "body: Write a comment."],
      ["a too-long answer", () => ({ commentId: open, body: "x".repeat(2001) }), "BAD_REQUEST", "body: Keep comments under 2000 characters."],
      ["a malformed question id", () => ({ commentId: "abc", body: "Yes" }), "BAD_REQUEST", "commentId: This question's identifier is not valid. Reload the page and try again."],
      ["an unknown question", () => ({ commentId: UNKNOWN_ID, body: "Yes" }), "NOT_FOUND", "This question was not found, or you do not have access to it."],
      [
        "a clinician's comment",
        () => ({ commentId: clinicianComment, body: "Yes" }),
        "BAD_REQUEST",
        "This comment is by Sam Lindqvist, not a question from the patient: only the patient's own questions are answered or marked handled.",
      ],
      [
        "a reply",
        () => ({ commentId: reply, body: "Yes" }),
        "BAD_REQUEST",
        "This comment is by Sam Lindqvist, not a question from the patient: only the patient's own questions are answered or marked handled.",
      ],
    ] as const)("%s", async (_label, input, code, message) => {
      const before = { comments: await commentCount(), resolutions: await resolutionCount() };
      expect(await failure(plan("physician").answerQuestion({ patientId: alex, ...input() }))).toMatchObject({ code, message });
      expect({ comments: await commentCount(), resolutions: await resolutionCount() }).toEqual(before);
    });

    it("refuses to mark handled an unknown id or a clinician's comment", async () => {
      const before = await resolutionCount();
      expect(await failure(plan("ot").markQuestionHandled({ patientId: alex, commentId: UNKNOWN_ID }))).toMatchObject({ code: "NOT_FOUND" });
      expect(await failure(plan("ot").markQuestionHandled({ patientId: alex, commentId: clinicianComment }))).toMatchObject({ code: "BAD_REQUEST" });
      expect(await resolutionCount()).toBe(before);
    });

    it("keeps the patient in the WHERE clause: Jordan's question cannot be settled through Alex's record", async () => {
      const jordanQuestion = (await worklist("physician", { limit: 100 })).items.find((q) => q.patientId === h.ids.patients.jordan);
      if (!jordanQuestion) throw new Error("no question from Jordan");
      expect(await failure(plan("physician").markQuestionHandled({ patientId: alex, commentId: jordanQuestion.id }))).toMatchObject({ code: "NOT_FOUND" });
      expect((await worklist("physician", { limit: 100 })).items.map((q) => q.id)).toContain(jordanQuestion.id);
    });

    it("denies the patient, an outsider, an unassigned clinician and the admin exactly as for a missing patient", async () => {
      const before = { comments: await commentCount(), resolutions: await resolutionCount() };
      for (const key of ["alex", "jordan", "outsider", "unassigned", "admin"] as const) {
        expect(await failure(h.callerFor(key).carePlan.answerQuestion({ patientId: alex, commentId: open, body: "Yes" }))).toMatchObject({ code: "NOT_FOUND" });
        expect(await failure(h.callerFor(key).carePlan.markQuestionHandled({ patientId: alex, commentId: open }))).toMatchObject({ code: "NOT_FOUND" });
      }
      expect(await failure(h.callerFor(null).carePlan.answerQuestion({ patientId: alex, commentId: open, body: "Yes" }))).toMatchObject({ code: "UNAUTHORIZED" });
      expect({ comments: await commentCount(), resolutions: await resolutionCount() }).toEqual(before);
      const [denied] = await listAuditForActor(h.handle.db, h.ids.users.alex, "carePlan.markQuestionHandled", 1);
      expect(denied).toMatchObject({ outcome: "denied", patientId: alex });
      expect((await worklist("pt", { limit: 100 })).items.map((q) => q.id)).toContain(open);
    });
  });
});
