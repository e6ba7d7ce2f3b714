import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { ROLE_LABELS, isClinicianRole, todayInZone } from "@concord/domain";
import { NotificationBell } from "~/components/messaging/notification-bell";
import { SignOutButton } from "~/components/sign-out-button";
import { ViewerClockProvider } from "~/components/viewer-clock";
import { env } from "~/env";
import { getCaller } from "~/server/caller";
import { WorklistLink } from "~/components/worklist-link";
import { getSessionActor } from "~/server/session";
import { TRPCReactProvider } from "~/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Concord — CRPS care coordination",
  description: "One shared care plan for people with CRPS and the teams who treat them.",
};

export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await getSessionActor();
  const role = session?.actor.role;
  // Every time on every page is shown in the viewer's zone (their choice, else the clinic's).
  const clinicZone = env().clinicSettings.timeZone;
  const clock = session
    ? await (await getCaller(session)).me.get()
    : { timeZone: clinicZone, today: todayInZone(clinicZone) };
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        {/* The provider wraps the header too: the notification count there is live. */}
        <TRPCReactProvider>
        <ViewerClockProvider clock={{ timeZone: clock.timeZone, today: clock.today }}>
        <header className="site">
          <div className="inner">
            <Link href="/" className="brand">Concord</Link>
            <nav aria-label="Main">
              {role && isClinicianRole(role) ? <Link href="/patients">My patients</Link> : null}
              {role && isClinicianRole(role) ? <WorklistLink /> : null}
              {role && isClinicianRole(role) ? <Link href="/tasks">My tasks</Link> : null}
              {role && isClinicianRole(role) ? <Link href="/emergency-access">Emergency access</Link> : null}
              {role === "patient" ? <Link href="/me">My care</Link> : null}
              {role === "patient" ? <Link href="/me/check-in">Check in</Link> : null}
              {role === "patient" ? <Link href="/me/progress">My progress</Link> : null}
              {role === "patient" ? <Link href="/me/messages">Messages</Link> : null}
              {session ? <NotificationBell /> : null}
              {role === "admin" ? <Link href="/admin">Accounts and teams</Link> : null}
              {role === "compliance_officer" ? <Link href="/compliance">Audit log</Link> : null}
              {role === "compliance_officer" ? <Link href="/compliance/emergency-access">Emergency reviews</Link> : null}
              {role === "compliance_officer" ? <Link href="/compliance/deleted-messages">Deleted messages</Link> : null}
              {session ? <Link href="/settings">Settings</Link> : null}
            </nav>
            {session ? (
              <div className="who">
                <span data-testid="signed-in-as">
                  {session.name} · {ROLE_LABELS[session.actor.role]}
                </span>
                <SignOutButton />
              </div>
            ) : null}
          </div>
        </header>
        <main id="main">{children}</main>
        </ViewerClockProvider>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
