"use client";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { useTRPC } from "~/trpc/react";
import { type FieldErrors, PASSWORD_HINT, PasswordField, newPasswordErrors, serverErrors } from "../../reset-password/password-form-kit";

function endedText(sessionsEnded: number): string {
  if (sessionsEnded === 0) return "Your password has been changed. You were not signed in anywhere else.";
  return `Your password has been changed. ${sessionsEnded === 1 ? "One other session was" : `${sessionsEnded} other sessions were`} signed out.`;
}

export function ChangePasswordForm({ email, name }: { email: string; name: string }) {
  const trpc = useTRPC();
  const change = useMutation(trpc.me.changePassword.mutationOptions());
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const form = new FormData(event.currentTarget);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    const found = newPasswordErrors({ password: newPassword, confirm, email, name, passwordField: "newPassword" });
    if (!currentPassword) found.currentPassword = ["Enter your current password."];
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const result = await change.mutateAsync({ currentPassword, newPassword });
      formRef.current?.reset();
      setSaved(endedText(result.sessionsEnded));
    } catch (error) {
      setErrors(serverErrors(error));
    }
  }

  return (
    <form ref={formRef} className="grid max-w-md gap-4" onSubmit={onSubmit} noValidate aria-label="Change your password">
      {saved ? (
        <Alert variant="success" role="status">
          {saved}
        </Alert>
      ) : null}
      {errors.form ? (
        <Alert variant="danger" role="alert">
          {errors.form[0]}
        </Alert>
      ) : null}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <PasswordField id="currentPassword" label="Current password" autoComplete="current-password" errors={errors.currentPassword} />
      <PasswordField id="newPassword" label="New password" autoComplete="new-password" hint={PASSWORD_HINT} errors={errors.newPassword} />
      <PasswordField id="confirm" label="Type the new password again" autoComplete="new-password" errors={errors.confirm} />
      <Button type="submit" className="w-fit" disabled={change.isPending}>
        {change.isPending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
