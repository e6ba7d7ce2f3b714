import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type SessionActor, actorFromSession, sessionIdFromCookies } from "@concord/auth";
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
  if (!session) redirect("/signin");
  return session;
}
