import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { createCaller } from "@concord/api";
import type { SessionActor } from "@concord/auth";
import { env } from "~/env";
import { getRuntime } from "./runtime";

/** tRPC for server components: the same procedures, permissions and audit as over HTTP. */
export async function getCaller(session: SessionActor | null) {
  const { handle, services } = await getRuntime();
  return createCaller({
    db: handle.db,
    dbKind: handle.kind,
    actor: session?.actor ?? null,
    actorName: session?.name ?? null,
    sessionId: session?.sessionId ?? null,
    settings: env().clinicSettings,
    services,
  });
}

/** Runs a call and turns "not found or not yours" into the page-level 404. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}
