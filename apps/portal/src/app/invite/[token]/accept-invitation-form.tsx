"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@concord/domain";
import { refusalOf } from "~/app/admin/field-errors";
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
      <div className="alert success" role="status">
        Your password is set. <Link href={`/signin?email=${encodeURIComponent(email)}`}>Sign in</Link> with {email} and your new password.
      </div>
    );
  }
  const passwordError = refusal?.field === "password" ? refusal.message : null;
  const confirmError = refusal?.field === "confirm" ? refusal.message : null;
  const general = refusal && !passwordError && !confirmError ? refusal.message : null;
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Set your password">
      {general ? (
        <div className="alert error" role="alert">
          {general} <Link href="/signin">Go to sign in</Link>
        </div>
      ) : null}
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <div>
        <label htmlFor="new-password">New password</label>
        <input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH * 4}
          aria-describedby={passwordError ? "new-password-hint new-password-error" : "new-password-hint"}
          aria-invalid={passwordError ? true : undefined}
        />
        <p id="new-password-hint" className="muted">At least {PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password that is easy to remember.</p>
        {passwordError ? <p id="new-password-error" className="alert error" role="alert">{passwordError}</p> : null}
      </div>
      <div>
        <label htmlFor="confirm-password">Type the password again</label>
        <input
          id="confirm-password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          aria-describedby={confirmError ? "confirm-password-error" : undefined}
          aria-invalid={confirmError ? true : undefined}
        />
        {confirmError ? <p id="confirm-password-error" className="alert error" role="alert">{confirmError}</p> : null}
      </div>
      <button type="submit" disabled={accept.isPending}>{accept.isPending ? "Saving…" : "Set password"}</button>
    </form>
  );
}
