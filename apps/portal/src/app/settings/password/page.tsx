import type { Metadata } from "next";
import Link from "next/link";
import { CardSection } from "@concord/ui/card";
import { requireSessionActor } from "~/server/session";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change your password" };

export default async function ChangePasswordPage() {
  const session = await requireSessionActor();
  return (
    <>
      <p>
        <Link href="/settings">← Settings</Link>
      </p>
      <h1>Change your password</h1>
      <CardSection aria-labelledby="password-h" className="max-w-2xl">
        <h2 id="password-h">Your password</h2>
        <p className="text-muted-foreground">
          You stay signed in here; Concord signs you out on every other device and browser. You never have to change your password on a schedule, only when
          you want to or think someone else may know it.
        </p>
        <ChangePasswordForm email={session.email} name={session.name} />
      </CardSection>
    </>
  );
}
