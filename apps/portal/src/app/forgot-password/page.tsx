import type { Metadata } from "next";
import { NarrowPage } from "~/components/layout";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <NarrowPage>
      <h1>Forgot your password?</h1>
      <p className="text-muted-foreground">
        Enter the email address you sign in with. If it has a Concord account, we will email you a link to choose a new password. The link works once, for 30
        minutes. This works even if your account is locked after too many sign-in attempts.
      </p>
      <ForgotPasswordForm />
    </NarrowPage>
  );
}
