"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";
import styles from "../reset-password/password-form.module.css";
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
        <p className="alert success" role="status" data-testid="reset-requested">
          {answer}
        </p>
      ) : null}
      {errors.form ? (
        <p className="alert error" role="alert">
          {errors.form[0]}
        </p>
      ) : null}
      <form className="stack" onSubmit={onSubmit} noValidate aria-label="Ask for a password-reset link">
        <div>
          <label htmlFor="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? "email-error" : undefined}
          />
          {emailError ? (
            <div className={styles.fieldError} id="email-error">
              {emailError}
            </div>
          ) : null}
        </div>
        <button type="submit" disabled={request.isPending}>{request.isPending ? "Sending…" : answer ? "Send another link" : "Send me a link"}</button>
      </form>
      <div className={styles.links}>
        <Link href="/signin">Back to sign in</Link>
      </div>
    </>
  );
}
