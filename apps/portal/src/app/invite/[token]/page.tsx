import Link from "next/link";
import { formatDateTime } from "@concord/domain";
import { NarrowPage } from "~/components/layout";
import { env } from "~/env";
import { getCaller } from "~/server/caller";
import { AcceptInvitationForm } from "./accept-invitation-form";

export const dynamic = "force-dynamic";

/**
 * The page an invitation email links to: whom the link is for and a form to set a password, or, for
 * an expired, used, withdrawn or forged link, a clear page that says what to do. Opening it changes nothing.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await (await getCaller(null)).account.invitation({ token: token.slice(0, 200) });
  if (!invitation.usable) {
    return (
      <NarrowPage data-testid="invitation-unusable">
        <h1>{invitation.reason === "used" ? "This link was already used" : invitation.reason === "expired" ? "This link has expired" : "This link cannot be used"}</h1>
        <p>{invitation.message}</p>
        <p>
          <Link href="/signin">Go to sign in</Link>
        </p>
      </NarrowPage>
    );
  }
  return (
    <NarrowPage>
      <h1>Welcome to Concord</h1>
      <p>
        This invitation is for <strong>{invitation.name}</strong> ({invitation.email}). Choose a password to finish setting up your account. The link works
        once and expires on {formatDateTime(invitation.expiresAt, env().clinicSettings.timeZone)}.
      </p>
      <AcceptInvitationForm token={token} email={invitation.email} />
    </NarrowPage>
  );
}
