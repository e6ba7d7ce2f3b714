"use server";
import type { RouterInputs } from "@concord/api";
import { runAction } from "~/server/action-result";

/*
 * The check-in's and the questionnaires' mutations as server actions: each passes its input unchanged to the
 * same procedure the API serves (its input schema, permission, access check and audit decide), so the forms
 * load no API client. The clinician's measures page sends the questionnaires through these too.
 */

type In = RouterInputs;

export async function submitCheckIn(input: In["checkIns"]["submit"]) {
  return runAction((caller) => caller.checkIns.submit(input));
}

export async function editCheckIn(input: In["checkIns"]["edit"]) {
  return runAction((caller) => caller.checkIns.edit(input));
}

export async function submitPhq9(input: In["measures"]["submitPhq9"]) {
  return runAction((caller) => caller.measures.submitPhq9(input));
}

export async function submitGad7(input: In["measures"]["submitGad7"]) {
  return runAction((caller) => caller.measures.submitGad7(input));
}

export async function submitPsfs(input: In["measures"]["submitPsfs"]) {
  return runAction((caller) => caller.measures.submitPsfs(input));
}
