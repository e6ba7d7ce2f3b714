"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Field } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { refusalOf } from "~/components/field-errors";
import { useTRPC } from "~/trpc/react";

/** New password twice; a refusal is shown next to the field it is about. */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.account.acceptInvitation.mutationOptions());
  const [refusal, setRefusal] = useState<{ field: string | null; message: string } | null>(null);
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    setRefusal(null);
    if (password !== confirm) {
      setRefusal({ field: "confirm", message: "The two passwords are not the same." });
      return;
    }
    try {
      await accept.mutateAsync({ token, password, confirm });
      setDone(true);
    } catch (e) {
      setRefusal(refusalOf(e));
    }
  }

  if (done) {
    return (
      <Alert variant="success" role="status">
        <p>
          Your password is set. <Link href={`/signin?email=${encodeURIComponent(email)}`}>Sign in</Link> with {email} and your new password.
        </p>
      </Alert>
    );
  }
  const passwordError = refusal?.field === "password" ? refusal.message : null;
  const confirmError = refusal?.field === "confirm" ? refusal.message : null;
  const general = refusal && !passwordError && !confirmError ? refusal.message : null;
  return (
    <form className="grid gap-4" onSubmit={onSubmit} noValidate aria-label="Set your password">
      {general ? (
        <Alert variant="danger" role="alert">
          <p>
            {general} <Link href="/signin">Go to sign in</Link>
          </p>
        </Alert>
      ) : null}
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <Field
        id="new-password"
        label="New password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password that is easy to remember.`}
        error={passwordError}
        errorRole="alert"
      >
        <Input name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH * 4} />
      </Field>
      <Field id="confirm-password" label="Type the password again" error={confirmError} errorRole="alert">
        <Input name="confirm" type="password" autoComplete="new-password" required />
      </Field>
      <Button type="submit" size="lg" className="w-full" disabled={accept.isPending}>
        {accept.isPending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
