import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type SessionActor, actorFromSession, sessionEndReason, sessionIdFromCookies } from "@concord/auth";
import { env } from "../env";
import { getDb } from "./runtime";

export async function sessionIdFrom(getCookie: (name: string) => string | undefined) {
  return sessionIdFromCookies(getCookie, env().authSecret);
}

/** The signed-in person for a server component, or null. The server-side session is checked each time. */
export async function getSessionActor(): Promise<SessionActor | null> {
  const store = await cookies();
  const sessionId = await sessionIdFrom((name) => store.get(name)?.value);
  return actorFromSession(await getDb(), sessionId);
}

export async function requireSessionActor(): Promise<SessionActor> {
  const session = await getSessionActor();
  if (!session) {
    // Tell the sign-in page why when the cookie names a session that timed out (idle, or the 12-hour limit).
    const store = await cookies();
    const reason = await sessionEndReason(await getDb(), await sessionIdFrom((name) => store.get(name)?.value));
    redirect(reason ? `/signin?reason=${reason}` : "/signin");
  }
  return session;
}
