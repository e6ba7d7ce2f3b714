"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { useTRPC } from "~/trpc/react";
import { type FieldErrors, PASSWORD_HINT, PasswordField, newPasswordErrors, serverErrors } from "../password-form-kit";

export function ResetPasswordForm({ token, email, name }: { token: string; email: string; name: string }) {
  const trpc = useTRPC();
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    const found = newPasswordErrors({ password, confirm, email, name, passwordField: "password" });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await reset.mutateAsync({ token, password });
      setDone(true);
    } catch (error) {
      setErrors(serverErrors(error));
    }
  }

  if (done) {
    return (
      <div className="grid gap-4">
        <Alert variant="success" role="status">
          Your password has been changed, and this account has been signed out everywhere. Sign in with your new password.
        </Alert>
        <p>
          <Link href="/signin">Sign in</Link>
        </p>
      </div>
    );
  }

  const linkProblem = errors.form?.[0];
  return (
    <form className="grid gap-4" onSubmit={onSubmit} noValidate aria-label="Choose a new password">
      {linkProblem ? (
        <Alert variant="danger" role="alert">
          <p>
            {linkProblem} <Link href="/forgot-password">Ask for a new link</Link>
          </p>
        </Alert>
      ) : null}
      {/* For password managers: which account this new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <PasswordField id="password" label="New password" autoComplete="new-password" hint={PASSWORD_HINT} errors={errors.password} />
      <PasswordField id="confirm" label="Type the new password again" autoComplete="new-password" errors={errors.confirm} />
      <Button type="submit" size="lg" className="w-full" disabled={reset.isPending}>
        {reset.isPending ? "Saving…" : "Save new password"}
      </Button>
    </form>
  );
}
