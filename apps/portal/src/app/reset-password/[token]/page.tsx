import type { Metadata } from "next";
import Link from "next/link";
import { getCaller } from "~/server/caller";
import styles from "../password-form.module.css";
import { ResetPasswordForm } from "./reset-password-form";

// The token is in the address: never send it to another site as a referrer.
export const metadata: Metadata = { title: "Choose a new password — Concord", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Anyone may open a link (the email inbox is the proof), signed in or not.
  const link = await (await getCaller(null)).account.passwordReset({ token });
  if (!link.usable) {
    return (
      <div className="signin card">
        <h1>This link cannot be used</h1>
        <p className="alert error" role="alert" data-testid="reset-link-problem">
          {link.message}
        </p>
        <div className={styles.links}>
          <Link href="/forgot-password">Ask for a new link</Link>
          <Link href="/signin">Sign in</Link>
        </div>
      </div>
    );
  }
  return (
    <div className="signin card">
      <h1>Choose a new password</h1>
      <p className="muted">
        For <strong>{link.email}</strong>. Changing it signs this account out everywhere.
      </p>
      <ResetPasswordForm token={token} email={link.email} name={link.name} />
    </div>
  );
}
