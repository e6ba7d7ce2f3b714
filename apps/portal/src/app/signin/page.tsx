import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@concord/ui/alert";
import { NarrowPage } from "~/components/layout";
import { BrandMark } from "~/components/shell/brand-mark";
import { getSessionActor } from "~/server/session";
import { SignInForm } from "./sign-in-form";

/** Why the person was sent here; only these fixed words are ever shown, whatever the query says. */
const SIGNED_OUT_BECAUSE = new Map<string, string>([
  ["idle", "You were signed out after 30 minutes without activity."],
  ["expired", "You were signed out because a session lasts at most 12 hours."],
]);

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getSessionActor()) redirect("/");
  const reason = (await searchParams).reason;
  const notice = typeof reason === "string" ? SIGNED_OUT_BECAUSE.get(reason) : undefined;
  return (
    <NarrowPage>
      <div className="grid gap-2">
        <BrandMark className="size-10" />
        <h1>Sign in to Concord</h1>
        <p className="text-muted-foreground">Care coordination for people with CRPS and their care teams.</p>
      </div>
      {notice ? (
        <Alert id="signin-notice" variant="warning" role="status">
          {notice}
        </Alert>
      ) : null}
      <SignInForm />
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
    </NarrowPage>
  );
}
