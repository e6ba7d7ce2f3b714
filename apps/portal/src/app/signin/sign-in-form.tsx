"use client";
import { parseSignInRefusal, signInThrottleMessage } from "@concord/domain";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";

export function SignInForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError("Enter your email and password.");
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    setPending(false);
    if (!result || result.error) {
      const refusal = parseSignInRefusal(result?.error);
      setError(
        refusal
          ? signInThrottleMessage(refusal)
          : result?.error === "CredentialsSignin" || !result
            ? "Email or password is incorrect."
            : "Sign-in is not available right now. Please try again.",
      );
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-describedby={error ? "signin-error" : undefined}>
      {error ? (
        <div id="signin-error" className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <div>
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div>
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" disabled={pending}>{pending ? "Signing in…" : "Sign in"}</button>
    </form>
  );
}
