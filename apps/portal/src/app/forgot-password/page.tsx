import type { Metadata } from "next";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password? — Concord" };

export default function ForgotPasswordPage() {
  return (
    <div className="signin card">
      <h1>Forgot your password?</h1>
      <p className="muted">
        Enter the email address you sign in with. If it has a Concord account, we will email you a link to choose a new password. The link works once, for 30
        minutes. This works even if your account is locked after too many sign-in attempts.
      </p>
      <ForgotPasswordForm />
    </div>
  );
}
