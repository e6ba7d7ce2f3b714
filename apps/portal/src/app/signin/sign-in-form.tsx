"use client";
import { SECOND_FACTOR_ENROL, SECOND_FACTOR_MESSAGES, SECOND_FACTOR_NEEDED, parseSignInRefusal, signInThrottleMessage } from "@concord/domain/client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Field } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { type Enrolment, EnrolmentDetails, requestEnrolment } from "./second-factor-enrolment";

type Step = { kind: "password" } | { kind: "code" } | { kind: "enrol"; enrolment: Enrolment };

export function SignInForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [step, setStep] = useState<Step>({ kind: "password" });
  // Kept in memory only between the password and the code steps.
  const [credentials, setCredentials] = useState<{ email: string; password: string } | null>(null);

  async function attempt(email: string, password: string, code?: string) {
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, ...(code ? { code } : {}), redirect: false });
    if (result?.error === SECOND_FACTOR_NEEDED) {
      setCredentials({ email, password });
      setStep({ kind: "code" });
      setPending(false);
      return;
    }
    if (result?.error === SECOND_FACTOR_ENROL) {
      setCredentials({ email, password });
      const started = await requestEnrolment(email, password);
      setPending(false);
      if ("error" in started) setError(started.error);
      else setStep({ kind: "enrol", enrolment: started.enrolment });
      return;
    }
    setPending(false);
    if (!result || result.error) {
      const refusal = parseSignInRefusal(result?.error);
      setError(
        refusal
          ? signInThrottleMessage(refusal)
          : result?.error === "CredentialsSignin" || !result
            ? code
              ? SECOND_FACTOR_MESSAGES.wrongCode
              : "Email or password is incorrect."
            : "Sign-in is not available right now. Please try again.",
      );
      return;
    }
    router.replace("/");
    router.refresh();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (step.kind !== "password" && credentials) {
      const code = String(form.get("code") ?? "").trim();
      if (!code) {
        setError("Enter the code.");
        return;
      }
      await attempt(credentials.email, credentials.password, code);
      return;
    }
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError("Enter your email and password.");
      return;
    }
    await attempt(email, password);
  }

  return (
    <form className="grid gap-4" onSubmit={onSubmit} noValidate aria-describedby={error ? "signin-error" : undefined}>
      {error ? (
        <Alert id="signin-error" variant="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      {step.kind === "password" ? (
        <>
          <Field id="email" label="Email">
            <Input name="email" type="email" autoComplete="username" required />
          </Field>
          <Field id="password" label="Password">
            <Input name="password" type="password" autoComplete="current-password" required />
          </Field>
        </>
      ) : (
        <>
          <p id="second-factor-help">{step.kind === "code" ? SECOND_FACTOR_MESSAGES.needed : SECOND_FACTOR_MESSAGES.enrol}</p>
          {step.kind === "enrol" ? <EnrolmentDetails enrolment={step.enrolment} /> : null}
          <Field id="code" label={step.kind === "code" ? "Code" : "Code from your app"}>
            <Input
              name="code"
              type="text"
              inputMode={step.kind === "enrol" ? "numeric" : "text"}
              autoComplete="one-time-code"
              aria-describedby="second-factor-help"
              required
              autoFocus
            />
          </Field>
        </>
      )}
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : step.kind === "enrol" ? "Turn on and sign in" : "Sign in"}
      </Button>
    </form>
  );
}
