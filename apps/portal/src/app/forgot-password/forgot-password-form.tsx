"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Field } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { useTRPC } from "~/trpc/react";
import { type FieldErrors, serverErrors } from "../reset-password/password-form-kit";

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());
  const [answer, setAnswer] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    if (!email) {
      setErrors({ email: ["Enter your email address."] });
      return;
    }
    setErrors({});
    try {
      setAnswer((await request.mutateAsync({ email })).message);
    } catch (error) {
      setErrors(serverErrors(error));
    }
  }

  const emailError = errors.email?.[0];
  return (
    <>
      {answer ? (
        <Alert variant="success" role="status" data-testid="reset-requested">
          {answer}
        </Alert>
      ) : null}
      {errors.form ? (
        <Alert variant="danger" role="alert">
          {errors.form[0]}
        </Alert>
      ) : null}
      <form className="grid gap-4" onSubmit={onSubmit} noValidate aria-label="Ask for a password-reset link">
        <Field id="email" label="Email" error={emailError}>
          <Input name="email" type="email" autoComplete="username" required />
        </Field>
        <Button type="submit" className="w-full" size="lg" disabled={request.isPending}>
          {request.isPending ? "Sending…" : answer ? "Send another link" : "Send me a link"}
        </Button>
      </form>
      <p>
        <Link href="/signin">Back to sign in</Link>
      </p>
    </>
  );
}
