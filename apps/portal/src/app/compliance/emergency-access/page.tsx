import type { Metadata } from "next";
import Link from "next/link";
import type { RouterOutputs } from "@concord/api";
import { firstParam } from "~/components/compliance/audit-filter-params";
import { Alert } from "@concord/ui/alert";
import { Card } from "@concord/ui/card";
import { cn } from "@concord/ui/utils";
import { roleLabel } from "~/components/compliance/labels";
import { type Refusal, badRequestOf } from "~/components/compliance/refusal";
import { ReviewEmergencyAccessForm } from "~/components/compliance/review-emergency-access";
import { Facts } from "~/components/layout";
import { When } from "~/components/viewer-clock";
import { getCaller } from "~/server/caller";
import { requireCompliancePermission } from "../require-compliance";

type ReviewPage = RouterOutputs["compliance"]["emergencyAccesses"];
type Access = ReviewPage["items"][number];

/** Worded exactly "N reads while open", also for one: another journey (the clinician's emergency access) reads this text. */
function readsWhileOpen(count: number): string {
  return `${count} reads while open`;
}

export const metadata: Metadata = { title: "Emergency reviews" };

const listTab = cn(
  "-mb-px inline-flex min-h-11 items-center border-b-3 border-transparent px-3 py-2 font-semibold text-muted-foreground no-underline hover:text-foreground",
  "aria-[current=page]:border-primary aria-[current=page]:text-foreground",
);

/** Emergency accesses waiting for a compliance review (oldest first), and those already reviewed. */
export default async function EmergencyReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireCompliancePermission("emergencyAccess.reviewList");
  const params = await searchParams;
  const status = firstParam(params.status) === "reviewed" ? "reviewed" : "waiting";
  const cursor = firstParam(params.cursor);
  const caller = await getCaller(session);
  let page: ReviewPage | null = null;
  let refusal: Refusal | null = null;
  try {
    page = await caller.compliance.emergencyAccesses({ status, ...(cursor ? { cursor } : {}), limit: 25 });
  } catch (error) {
    refusal = badRequestOf(error, []);
    if (!refusal) throw error;
  }
  const base = status === "reviewed" ? "/compliance/emergency-access?status=reviewed" : "/compliance/emergency-access";
  const withCursor = (next: string) => `/compliance/emergency-access?${new URLSearchParams({ ...(status === "reviewed" ? { status } : {}), cursor: next })}`;

  return (
    <>
      <h1>{status === "waiting" ? "Emergency accesses to review" : "Reviewed emergency accesses"}</h1>
      <p className="text-muted-foreground">
        A clinician who is not on a patient&apos;s care team can open the record read-only for an hour in an emergency, giving a reason. Each access
        waits here until a compliance officer has reviewed it.
      </p>
      <nav className="flex gap-1 overflow-x-auto border-b" aria-label="Emergency access lists">
        <Link href="/compliance/emergency-access" className={listTab} aria-current={status === "waiting" ? "page" : undefined}>
          Waiting for review
        </Link>
        <Link href="/compliance/emergency-access?status=reviewed" className={listTab} aria-current={status === "reviewed" ? "page" : undefined}>
          Reviewed
        </Link>
      </nav>

      {refusal ? (
        <Alert variant="danger" role="alert">
          <p>
            {refusal.general} <Link href={base}>First page</Link>
          </p>
        </Alert>
      ) : null}

      {page && page.items.length === 0 ? (
        <p>{status === "waiting" ? "No emergency access is waiting for review." : "No emergency access has been reviewed yet."}</p>
      ) : null}

      {page?.items.map((access) => (
        <EmergencyAccessArticle key={access.id} access={access} reviewerName={session.name} />
      ))}

      {page ? (
        <nav className="flex flex-wrap gap-4 empty:hidden" aria-label="Pages">
          {cursor ? <Link href={base}>First page</Link> : null}
          {page.nextCursor ? <Link href={withCursor(page.nextCursor)}>Next page</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

function EmergencyAccessArticle({ access, reviewerName }: { access: Access; reviewerName: string }) {
  const headingId = `emergency-access-${access.id}`;
  return (
    <Card asChild className="gap-3">
    <article data-testid="emergency-access" data-access-id={access.id} aria-labelledby={headingId}>
      <h2 id={headingId} className="text-lg">
        {access.clinicianName} opened {access.patientName}&apos;s record
      </h2>
      <Facts>
        <dt>Clinician</dt>
        <dd>
          {access.clinicianName}, {roleLabel(access.clinicianRole)}
        </dd>
        <dt>Patient</dt>
        <dd>{access.patientName}</dd>
        <dt>Reason given</dt>
        <dd>
          <q>{access.reason}</q>
        </dd>
        <dt>Opened</dt>
        <dd>
          <When at={access.openedAt} />
        </dd>
        <dt>Open until</dt>
        <dd>
          <When at={access.expiresAt} />
        </dd>
        <dt>Reads</dt>
        <dd>{readsWhileOpen(access.readsDuring)}</dd>
      </Facts>
      {access.reviewedAt ? (
        <p>
          <strong>Reviewed by {access.reviewerName ?? "a former compliance officer"}</strong> on <When at={access.reviewedAt} />
          {access.reviewNote ? (
            <>
              : <q>{access.reviewNote}</q>
            </>
          ) : null}
        </p>
      ) : access.expiresAt > new Date() ? (
        // Reviewed once it has ended (the server refuses sooner), so the review sees every read made under it.
        <p className="text-muted-foreground">Still open: review it once it has ended.</p>
      ) : (
        <ReviewEmergencyAccessForm accessId={access.id} reviewerName={reviewerName} />
      )}
    </article>
    </Card>
  );
}
