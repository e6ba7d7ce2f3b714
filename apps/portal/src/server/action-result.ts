import "server-only";
import { TRPCError } from "@trpc/server";
import { DomainError } from "@concord/domain";
import { type ActionResult, type Refusal, issuesOf, plainMessage } from "~/components/refusal";
import { getCaller } from "./caller";
import { getSessionActor } from "./session";

type Caller = Awaited<ReturnType<typeof getCaller>>;

const SIGNED_OUT: Refusal = {
  ok: false,
  code: "UNAUTHORIZED",
  message: "Your session has ended. Sign in again, then send this again.",
  issues: [],
  details: null,
};

/**
 * Runs one procedure for a server action, as the signed-in person, through the same server caller the
 * pages use: the procedure's input schema, permission, access check and audit all apply, exactly as over
 * /api/trpc. The answer is plain data for the browser: the value, or the refusal in the words the API
 * formats for people (its paths kept apart, so a form can put each message beside its field).
 */
export async function runAction<T>(call: (caller: Caller) => Promise<T>): Promise<ActionResult<T>> {
  const session = await getSessionActor();
  if (!session) return SIGNED_OUT;
  try {
    return { ok: true, value: await call(await getCaller(session)) };
  } catch (error) {
    if (error instanceof TRPCError) {
      const details = error.cause instanceof DomainError ? (error.cause.details ?? null) : null;
      return { ok: false, code: error.code, message: plainMessage(error.message), issues: issuesOf(error.message), details };
    }
    // Not a refusal the API formatted: never pass its text (it may hold data) to the browser.
    console.error(`[action] failed: ${error instanceof Error ? error.name : typeof error}`);
    return { ok: false, code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side. Nothing was saved; please try again.", issues: [], details: null };
  }
}
