import { Bell, LogOut, Menu, Monitor, Moon, Sun, X } from "lucide-react";
import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { ROLE_LABELS, type Role, isClinicianRole, todayInZone } from "@concord/domain";
import { THEME_COOKIE, parseTheme, themeClassName } from "@concord/ui/theme";
import { NotificationBell } from "~/components/messaging/notification-bell";
import { BrandMark } from "~/components/shell/brand-mark";
import { MainNav, type NavItem } from "~/components/shell/main-nav";
import { SiteMenu } from "~/components/shell/site-menu";
import { ThemeToggle } from "~/components/shell/theme-toggle";
import { type AlertCounts, WorklistLabel } from "~/components/shell/worklist-label";
import { SignOutButton } from "~/components/sign-out-button";
import { ViewerClockProvider } from "~/components/viewer-clock";
import { env } from "~/env";
import { getCaller } from "~/server/caller";
import { getSessionActor } from "~/server/session";
import "./globals.css";

export const metadata: Metadata = {
  // Each page names itself ("My patients · Concord"); a page that does not is just "Concord".
  title: { default: "Concord — CRPS care coordination", template: "%s · Concord" },
  description: "One shared care plan for people with CRPS and the teams who treat them.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#161c25" },
  ],
};

export const dynamic = "force-dynamic";

/** The main navigation of each role, in the order it is shown. */
function navItems(role: Role | undefined, alertCounts: AlertCounts): NavItem[] {
  if (!role) return [];
  if (isClinicianRole(role)) {
    return [
      { href: "/patients", label: "My patients" },
      { href: "/worklist", label: <WorklistLabel initial={alertCounts} />, testId: "worklist-link" },
      { href: "/tasks", label: "My tasks" },
      { href: "/emergency-access", label: "Emergency access" },
      { href: "/settings", label: "Settings" },
    ];
  }
  if (role === "patient") {
    return [
      { href: "/me", label: "My care" },
      { href: "/me/check-in", label: "Check in" },
      { href: "/me/progress", label: "My progress" },
      { href: "/me/messages", label: "Messages" },
      { href: "/settings", label: "Settings" },
    ];
  }
  if (role === "admin") {
    return [
      { href: "/admin", label: "Accounts and teams" },
      { href: "/settings", label: "Settings" },
    ];
  }
  return [
    { href: "/compliance", label: "Audit log" },
    { href: "/compliance/emergency-access", label: "Emergency reviews" },
    { href: "/compliance/deleted-messages", label: "Deleted messages" },
    { href: "/settings", label: "Settings" },
  ];
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await getSessionActor();
  const role = session?.actor.role;
  // The colour theme the viewer chose (a cookie), on <html> from the first byte: no flash, no script.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  // Every time on every page is shown in the viewer's zone (their choice, else the clinic's).
  const clinicZone = env().clinicSettings.timeZone;
  const caller = session ? await getCaller(session) : null;
  const clock = caller ? await caller.me.get() : { timeZone: clinicZone, today: todayInZone(clinicZone) };
  // The header's counts are rendered here and kept live by small client parts (no tRPC client in the header).
  const unread = caller ? (await caller.notifications.unreadCount()).unread : 0;
  const alertCounts = caller && role && isClinicianRole(role) ? await caller.alerts.counts() : { urgent: 0, review: 0 };
  return (
    <html lang="en" className={themeClassName(theme)}>
      <body className="flex min-h-dvh flex-col bg-background text-foreground antialiased">
        <a
          href="#main"
          className="sr-only rounded-md bg-card px-4 py-2 font-semibold focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-[60]"
        >
          Skip to content
        </a>
          <ViewerClockProvider clock={{ timeZone: clock.timeZone, today: clock.today }}>
            <header className="border-b bg-card print:hidden">
              <div className="mx-auto flex max-w-page flex-wrap items-center gap-x-3 px-4 py-1.5 sm:px-6">
                <Link href="/" className="order-1 inline-flex min-h-11 items-center gap-2 rounded-md text-lg font-bold text-foreground no-underline">
                  <BrandMark className="size-7" />
                  Concord
                </Link>
                {/* Signed out, the page follows the device's theme; the choice is offered once signed in. */}
                {session ? (
                  <SiteMenu
                    actions={<NotificationBell initialUnread={unread} icon={<Bell aria-hidden="true" className="size-5" />} />}
                    icons={{ open: <Menu aria-hidden="true" className="size-5" />, close: <X aria-hidden="true" className="size-5" /> }}
                  >
                    <MainNav items={navItems(role, alertCounts)} />
                    <div className="order-4 flex flex-col gap-3 border-t py-3 lg:order-3 lg:flex-row lg:items-center lg:border-0 lg:py-0">
                      <span data-testid="signed-in-as" className="text-sm text-muted-foreground">
                        {session.name} · {ROLE_LABELS[session.actor.role]}
                      </span>
                      <div className="flex flex-wrap items-center gap-3">
                        <ThemeToggle
                          initial={theme}
                          icons={{
                            system: <Monitor aria-hidden="true" className="size-4" />,
                            light: <Sun aria-hidden="true" className="size-4" />,
                            dark: <Moon aria-hidden="true" className="size-4" />,
                          }}
                        />
                        <SignOutButton icon={<LogOut aria-hidden="true" />} />
                      </div>
                    </div>
                  </SiteMenu>
                ) : null}
              </div>
            </header>
            <main id="main" className="mx-auto flex w-full max-w-page min-w-0 flex-1 flex-col gap-5 px-4 pt-6 pb-16 sm:px-6 print:max-w-none print:p-0">
              {children}
            </main>
          </ViewerClockProvider>
      </body>
    </html>
  );
}
