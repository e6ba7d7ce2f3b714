import type { Metadata } from "next";
import { secondFactorStatus } from "@concord/auth";
import { formatDateTime } from "@concord/domain";
import { CardSection } from "@concord/ui/card";
import { getCaller } from "~/server/caller";
import { getDb } from "~/server/runtime";
import { requireSessionActor } from "~/server/session";
import { SecondFactorSetup } from "./second-factor-setup";

export const metadata: Metadata = { title: "Sign-in security" };

/** Two-factor sign-in: on or off for the signed-in person, and setting it up (offered to everyone). */
export default async function SecurityPage() {
  const session = await requireSessionActor();
  const me = await (await getCaller(session)).me.get();
  const status = await secondFactorStatus(await getDb(), session.actor.userId);
  return (
    <>
      <h1>Sign-in security</h1>
      <CardSection aria-labelledby="second-factor-h" className="max-w-3xl">
        <h2 id="second-factor-h">Two-factor sign-in</h2>
        {status.on ? (
          <p data-testid="second-factor-status">
            Two-factor sign-in is on (since {formatDateTime(status.since ?? new Date(), me.timeZone)}). You have {status.recoveryCodesLeft} unused recovery
            {status.recoveryCodesLeft === 1 ? " code" : " codes"}. If you lose your phone, sign in with a recovery code or ask an administrator to reset it.
          </p>
        ) : (
          <>
            <p data-testid="second-factor-status">
              Two-factor sign-in is off. With it on, signing in also needs a 6-digit code from an authenticator app on your phone, so a stolen password is not
              enough.
            </p>
            <SecondFactorSetup email={session.email} />
          </>
        )}
      </CardSection>
    </>
  );
}
