import { type APIRequestContext, expect, request as playwrightRequest, test } from "./fixtures";
import { apiSignIn, trpcHttp } from "./helpers";

/**
 * Deleted means deleted, over HTTP on the built portal: a clinician posts, edits and deletes a message
 * in a conversation shared with the patient; afterwards no answer to the patient, the author or the rest
 * of the team holds the words of any version.
 */

async function call(context: APIRequestContext, path: string, input: unknown, type: "query" | "mutation") {
  const { status, text } = await trpcHttp(context, path, input, type);
  expect(status, `${path}: ${text.slice(0, 300)}`).toBe(200);
  return { text, data: JSON.parse(text).result.data.json };
}

test("a deleted message's words and earlier versions are in no answer for the patient, the author or the team", async ({ baseURL }) => {
  const physician = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(physician, "physician@concord.demo");
  const patients = await call(physician, "patients.list", { limit: 50 }, "query");
  // Jordan: the messaging journey expects Alex to have no conversation with the team yet.
  const jordan = patients.data.items.find((p: { name: string }) => p.name === "Jordan Lee");
  expect(jordan?.id).toBeTruthy();
  const patientId = jordan.id as string;

  const tag = `e2e${Date.now()}`;
  const first = `amber kestrel ${tag}`;
  const second = `cobalt meadow ${tag}`;
  const created = await call(physician, "messaging.createThread", { patientId, space: "patient", title: `Home exercises ${tag.slice(-4)}`, body: "Here is this week's plan." }, "mutation");
  const threadId = created.data.threadId as string;
  const posted = await call(physician, "messaging.post", { patientId, threadId, body: `@Jordan ${first}` }, "mutation");
  const messageId = posted.data.id as number;
  await call(physician, "messaging.edit", { patientId, messageId, body: `@Jordan ${second}`, expectedVersion: 1 }, "mutation");

  const patient = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(patient, "jordan@concord.demo");
  // Before the deletion the patient reads the edited words and the first version: the check below can fail.
  expect((await call(patient, "messaging.messages", { patientId, threadId }, "query")).text).toContain(second);
  expect((await call(patient, "messaging.history", { patientId, messageId }, "query")).text).toContain(first);

  const deleted = await call(physician, "messaging.delete", { patientId, messageId, expectedVersion: 2 }, "mutation");
  expect(deleted.data).toEqual({ id: messageId, version: 3 });

  const team = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(team, "pt@concord.demo");
  for (const [who, context] of [["patient", patient], ["author", physician], ["team", team]] as const) {
    const answers = {
      messages: await call(context, "messaging.messages", { patientId, threadId }, "query"),
      history: await call(context, "messaging.history", { patientId, messageId }, "query"),
      threads: await call(context, "messaging.threads", { patientId }, "query"),
      thread: await call(context, "messaging.thread", { patientId, threadId }, "query"),
      notifications: await call(context, "notifications.list", {}, "query"),
    };
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer.text, `${who} ${name}`).not.toContain(first);
      expect(answer.text, `${who} ${name}`).not.toContain(second);
      expect(answer.text, `${who} ${name}`).not.toContain(tag);
    }
    const message = answers.messages.data.items.find((m: { id: number }) => m.id === messageId);
    expect(message, who).toMatchObject({ body: null, reference: null, version: 3 });
    expect(answers.history.data.map((h: { action: string; previousBody: string | null }) => [h.action, h.previousBody]), who).toEqual([
      ["edit", null],
      ["delete", null],
    ]);
  }
  // The tombstone cannot be edited back into view.
  const again = await trpcHttp(physician, "messaging.edit", { patientId, messageId, body: "back again", expectedVersion: 3 }, "mutation");
  expect(again.status).toBe(409);
  expect(again.text).toContain("This message has already been deleted.");
});
