import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionActor } from "~/server/session";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change your password — Concord" };

export default async function ChangePasswordPage() {
  const session = await requireSessionActor();
  return (
    <>
      <p>
        <Link href="/settings">← Settings</Link>
      </p>
      <h1>Change your password</h1>
      <section className="card" aria-labelledby="password-h">
        <h2 id="password-h">
          Your password
        </h2>
        <p className="muted">
          You stay signed in here; Concord signs you out on every other device and browser. You never have to change your password on a schedule, only when
          you want to or think someone else may know it.
        </p>
        <ChangePasswordForm email={session.email} name={session.name} />
      </section>
    </>
  );
}
