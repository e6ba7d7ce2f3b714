import { redirect } from "next/navigation";
import { getSessionActor } from "~/server/session";
import { SignInForm } from "./sign-in-form";

export default async function SignInPage() {
  if (await getSessionActor()) redirect("/");
  return (
    <div className="signin card">
      <h1>Sign in to Concord</h1>
      <p className="muted">Care coordination for people with CRPS and their care teams.</p>
      <SignInForm />
    </div>
  );
}
