import "server-only";
import { redirect } from "next/navigation";
import { type Permission, can } from "@concord/domain";
import type { SessionActor } from "@concord/auth";
import { requireSessionActor } from "~/server/session";

/**
 * Every compliance page checks its own permission (not only the layout: a layout is not rendered
 * again on every navigation). Anyone else is sent to their own home.
 */
export async function requireCompliancePermission(permission: Permission): Promise<SessionActor> {
  const session = await requireSessionActor();
  if (!can(session.actor, permission)) redirect("/");
  return session;
}
