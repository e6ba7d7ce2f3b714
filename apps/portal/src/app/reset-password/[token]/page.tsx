import type { Metadata } from "next";
import Link from "next/link";
import { getCaller } from "~/server/caller";
import { Alert } from "@concord/ui/alert";
import { NarrowPage } from "~/components/layout";
import { ResetPasswordForm } from "./reset-password-form";

// The token is in the address: never send it to another site as a referrer.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Anyone may open a link (the email inbox is the proof), signed in or not.
  const link = await (await getCaller(null)).account.passwordReset({ token });
  if (!link.usable) {
    return (
      <NarrowPage>
        <h1>This link cannot be used</h1>
        <Alert variant="danger" role="alert" data-testid="reset-link-problem">
          {link.message}
        </Alert>
        <div className="flex flex-wrap gap-4">
          <Link href="/forgot-password">Ask for a new link</Link>
          <Link href="/signin">Sign in</Link>
        </div>
      </NarrowPage>
    );
  }
  return (
    <NarrowPage>
      <h1>Choose a new password</h1>
      <p className="text-muted-foreground">
        For <strong>{link.email}</strong>. Changing it signs this account out everywhere.
      </p>
      <ResetPasswordForm token={token} email={link.email} name={link.name} />
    </NarrowPage>
  );
}
