"use server";
import type { RouterInputs } from "@concord/api";
import { runAction } from "~/server/action-result";

/*
 * The patient's conversations as server actions: each runs the same procedure through the server caller, so its
 * input schema, permission, access check (the patient's own record, their space only) and audit apply as over
 * /api/trpc; the page loads no API client. The page itself reads the list and the open thread; these are the
 * changes, and the reads a click asks for (older messages, more threads, what "Attach" and @ offer).
 */
type In = RouterInputs;

export async function createThread(input: In["messaging"]["createThread"]) {
  return runAction((caller) => caller.messaging.createThread(input));
}

export async function postMessage(input: In["messaging"]["post"]) {
  return runAction((caller) => caller.messaging.post(input));
}

export async function editMessage(input: In["messaging"]["edit"]) {
  return runAction((caller) => caller.messaging.edit(input));
}

export async function deleteMessage(input: In["messaging"]["delete"]) {
  return runAction((caller) => caller.messaging.delete(input));
}

export async function markThreadRead(input: In["messaging"]["markRead"]) {
  return runAction((caller) => caller.messaging.markRead(input));
}

export async function loadMessages(input: In["messaging"]["messages"]) {
  return runAction((caller) => caller.messaging.messages(input));
}

export async function loadThreads(input: In["messaging"]["threads"]) {
  return runAction((caller) => caller.messaging.threads(input));
}

export async function loadCareTeam(input: In["patients"]["careTeam"]) {
  return runAction((caller) => caller.patients.careTeam(input));
}

export async function loadPlanView(input: In["carePlan"]["patientView"]) {
  return runAction((caller) => caller.carePlan.patientView(input));
}

export async function loadRecentCheckIns(input: In["checkIns"]["list"]) {
  return runAction((caller) => caller.checkIns.list(input));
}
