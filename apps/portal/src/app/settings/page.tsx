import { describeTimeZone, formatCalendarDate, formatDateTime, supportedTimeZones } from "@concord/domain";
import { OwnTimeZoneForm } from "~/components/time-zone-form";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export default async function SettingsPage() {
  const session = await requireSessionActor();
  const me = await (await getCaller(session)).me.get();
  const isPatient = me.role === "patient";
  return (
    <>
      <h1>Settings</h1>
      <section className="card" aria-labelledby="zone-h">
        <h2 id="zone-h" style={{ marginTop: 0 }}>Time zone</h2>
        <p>
          Times are shown in <strong>{describeTimeZone(me.timeZone)}</strong>
          {me.ownTimeZone ? "" : " (the clinic’s zone, because you have not chosen one)"}. It is now {formatDateTime(new Date(), me.timeZone)}, on{" "}
          {formatCalendarDate(me.today)}.
        </p>
        <OwnTimeZoneForm current={me.ownTimeZone} clinicTimeZone={me.clinicTimeZone} zones={supportedTimeZones()} isPatient={isPatient} />
      </section>
      <section className="card" aria-labelledby="password-settings-h">
        <h2 id="password-settings-h">Password</h2>
        <p>
          <a href="/settings/password">Change your password</a> (you stay signed in here; other devices are signed out).
        </p>
      </section>
      <section className="card" aria-labelledby="security-settings-h">
        <h2 id="security-settings-h">Two-factor sign-in</h2>
        <p>
          <a href="/security">Set up or change two-factor sign-in</a>: a code from an authenticator app after your password, with recovery
          codes for when the phone is not at hand.
        </p>
      </section>
    </>
  );
}
