import { redirect } from "next/navigation";
import { getSessionActor } from "~/server/session";
import { SignInForm } from "./sign-in-form";

/** Why the person was sent here; only these fixed words are ever shown, whatever the query says. */
const SIGNED_OUT_BECAUSE = new Map<string, string>([
  ["idle", "You were signed out after 30 minutes without activity."],
  ["expired", "You were signed out because a session lasts at most 12 hours."],
]);

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getSessionActor()) redirect("/");
  const reason = (await searchParams).reason;
  const notice = typeof reason === "string" ? SIGNED_OUT_BECAUSE.get(reason) : undefined;
  return (
    <div className="signin card">
      <h1>Sign in to Concord</h1>
      <p className="muted">Care coordination for people with CRPS and their care teams.</p>
      {notice ? (
        <p id="signin-notice" className="alert warning" role="status">
          {notice}
        </p>
      ) : null}
      <SignInForm />
      <p><a href="/forgot-password">Forgot your password?</a></p>
    </div>
  );
}
