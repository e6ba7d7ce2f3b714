import type { Metadata } from "next";
import Link from "next/link";
import { describeTimeZone, describeTimeZones, formatCalendarDate, formatDateTime, supportedTimeZones } from "@concord/domain";
import { CardSection } from "@concord/ui/card";
import { OwnTimeZoneForm } from "~/components/time-zone-form";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const session = await requireSessionActor();
  const me = await (await getCaller(session)).me.get();
  const isPatient = me.role === "patient";
  return (
    <>
      <h1>Settings</h1>
      <CardSection aria-labelledby="zone-h" className="max-w-3xl">
        <h2 id="zone-h">Time zone</h2>
        <p>
          Times are shown in <strong>{describeTimeZone(me.timeZone)}</strong>
          {me.ownTimeZone ? "" : " (the clinic’s zone, because you have not chosen one)"}. It is now {formatDateTime(new Date(), me.timeZone)}, on{" "}
          {formatCalendarDate(me.today)}.
        </p>
        <OwnTimeZoneForm current={me.ownTimeZone} clinicTimeZone={me.clinicTimeZone} zones={supportedTimeZones()}
          labels={describeTimeZones([...supportedTimeZones(), me.clinicTimeZone, ...(me.ownTimeZone ? [me.ownTimeZone] : [])])}
          isPatient={isPatient}
        />
      </CardSection>
      <CardSection aria-labelledby="password-settings-h" className="max-w-3xl">
        <h2 id="password-settings-h">Password</h2>
        <p>
          <Link href="/settings/password">Change your password</Link> (you stay signed in here; other devices are signed out).
        </p>
      </CardSection>
      <CardSection aria-labelledby="security-settings-h" className="max-w-3xl">
        <h2 id="security-settings-h">Two-factor sign-in</h2>
        <p>
          <Link href="/security">Set up or change two-factor sign-in</Link>: a code from an authenticator app after your password, with recovery
          codes for when the phone is not at hand.
        </p>
      </CardSection>
      <CardSection aria-labelledby="theme-settings-h" className="max-w-3xl">
        <h2 id="theme-settings-h">Colour theme</h2>
        <p>
          Light, dark, or the same as this device (System): choose with the theme switch at the top of every page. This browser remembers the
          choice.
        </p>
      </CardSection>
    </>
  );
}
