import { redirect } from "next/navigation";
import { isClinicianRole } from "@concord/domain";
import { requireSessionActor } from "~/server/session";

/** Everyone lands on the home of their role. */
export default async function Home() {
  const { actor } = await requireSessionActor();
  if (isClinicianRole(actor.role)) redirect("/patients");
  if (actor.role === "patient") redirect("/me");
  if (actor.role === "compliance_officer") redirect("/compliance");
  redirect("/admin");
}
