import { type Actor, type Intervention, interventionName, invalid, questionNotificationTitle, questionRecipients } from "@concord/domain";
import { type Database, createNotifications, getCarePlan, getCareTeam, getPatient, insertCarePlanComment } from "@concord/db";

/**
 * Comments are discussion, not changes: they never move the plan's version. A comment the patient
 * writes is a question to the team: in the same transaction it tells the clinician responsible for
 * the item it names (the whole active team when nobody is), and it stays on the team's worklist
 * until someone answers it or marks it handled.
 */
export async function commentOnCarePlan(
  db: Database,
  actor: Actor,
  patientId: string,
  input: { interventionId?: string | undefined; body: string },
) {
  const plan = await getCarePlan(db, patientId);
  if (!plan) throw invalid("There is no care plan to comment on yet.");
  const item = input.interventionId ? plan.document.interventions.find((i) => i.id === input.interventionId) : undefined;
  if (input.interventionId && !item) throw invalid("That item is not in this plan. Reload the plan and try again.");
  const about = item ? interventionName(item) : null;
  const row = await insertCarePlanComment(db, {
    planId: plan.id,
    patientId,
    interventionId: input.interventionId ?? null,
    authorId: actor.userId,
    body: input.body,
  });
  const isQuestion = actor.role === "patient" && actor.patientId === patientId;
  if (isQuestion) await notifyTeamOfQuestion(db, { patientId, commentId: row.id, item, about });
  return { id: row.id, createdAt: row.createdAt.toISOString(), about, question: isQuestion };
}

async function notifyTeamOfQuestion(
  db: Database,
  question: { patientId: string; commentId: string; item: Intervention | undefined; about: string | null },
): Promise<void> {
  // Sequential on purpose: one transaction is one connection.
  const team = await getCareTeam(db, question.patientId);
  const patient = await getPatient(db, question.patientId);
  const recipients = questionRecipients(question.item?.responsibleClinicianId, team);
  await createNotifications(db, {
    userIds: recipients,
    patientId: question.patientId,
    kind: "patient_question",
    title: questionNotificationTitle(patient?.name ?? "A patient", question.about),
    link: `/patients/${question.patientId}/plan#comment-${question.commentId}`,
    ref: { commentId: question.commentId },
  });
}
