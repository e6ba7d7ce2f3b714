"use client";
import { SECOND_FACTOR_MESSAGES } from "@concord/domain/client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Field } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { type Enrolment, EnrolmentDetails, requestEnrolment } from "../signin/second-factor-enrolment";

/** Password first (it proves it is you), then the QR code and recovery codes, then the first code turns it on. */
export function SecondFactorSetup({ email }: { email: string }) {
  const router = useRouter();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget).get("password") ?? "");
    if (!typed) return setError("Enter your password.");
    setPending(true);
    setError(null);
    const started = await requestEnrolment(email, typed);
    setPending(false);
    if ("error" in started) return setError(started.error);
    setPassword(typed);
    setEnrolment(started.enrolment);
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    if (!code) return setError("Enter the code from your app.");
    setPending(true);
    setError(null);
    // Signing in with the first code turns two-factor sign-in on (and opens a fresh session).
    const result = await signIn("credentials", { email, password, code, redirect: false });
    setPending(false);
    if (!result || result.error) return setError(result?.error === "CredentialsSignin" ? SECOND_FACTOR_MESSAGES.wrongCode : "That did not work. Please try again.");
    setPassword("");
    router.refresh();
  }

  return enrolment ? (
    <form className="grid max-w-md gap-4" onSubmit={confirm} noValidate>
      {error ? (
        <Alert id="setup-error" variant="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      <p>Scan the QR code with an authenticator app, save your recovery codes, then enter the 6-digit code the app shows.</p>
      <EnrolmentDetails enrolment={enrolment} />
      <Field id="setup-code" label="Code from your app">
        <Input name="code" type="text" inputMode="numeric" autoComplete="one-time-code" required />
      </Field>
      <Button type="submit" className="w-fit" disabled={pending}>
        {pending ? "Checking…" : "Turn on two-factor sign-in"}
      </Button>
    </form>
  ) : (
    <form className="grid max-w-md gap-4" onSubmit={start} noValidate>
      {error ? (
        <Alert id="setup-error" variant="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      <Field id="setup-password" label="Your password">
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" className="w-fit" disabled={pending}>
        {pending ? "Starting…" : "Set up two-factor sign-in"}
      </Button>
    </form>
  );
}
