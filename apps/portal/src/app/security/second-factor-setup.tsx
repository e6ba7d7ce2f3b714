"use client";
import { SECOND_FACTOR_MESSAGES } from "@concord/domain";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
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
    <form className="stack" onSubmit={confirm} noValidate>
      {error ? <div id="setup-error" className="alert error" role="alert">{error}</div> : null}
      <p>Scan the QR code with an authenticator app, save your recovery codes, then enter the 6-digit code the app shows.</p>
      <EnrolmentDetails enrolment={enrolment} />
      <div>
        <label htmlFor="setup-code">Code from your app</label>
        <input id="setup-code" name="code" type="text" inputMode="numeric" autoComplete="one-time-code" required />
      </div>
      <button type="submit" disabled={pending}>{pending ? "Checking…" : "Turn on two-factor sign-in"}</button>
    </form>
  ) : (
    <form className="stack" onSubmit={start} noValidate>
      {error ? <div id="setup-error" className="alert error" role="alert">{error}</div> : null}
      <div>
        <label htmlFor="setup-password">Your password</label>
        <input id="setup-password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" disabled={pending}>{pending ? "Starting…" : "Set up two-factor sign-in"}</button>
    </form>
  );
}
