import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { requireSessionActor } from "~/server/session";
import { TRPCReactProvider } from "~/trpc/react";

/** Clinician pages: a patient who opens one (an old link, a guessed URL) is taken to their own pages. */
export default async function PatientsLayout({ children }: { children: ReactNode }) {
  const session = await requireSessionActor();
  if (session.actor.role === "patient") redirect("/me");
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
