import type { Metadata } from "next";
import Link from "next/link";
import type { RouterOutputs } from "@concord/api";
import { formatCalendarDate } from "@concord/domain";
import { firstParam } from "~/components/compliance/audit-filter-params";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Card } from "@concord/ui/card";
import { Field } from "@concord/ui/field";
import { NativeSelect } from "@concord/ui/native-select";
import { Facts, PatientWords } from "~/components/layout";
import { type Refusal, badRequestOf } from "~/components/compliance/refusal";
import { When } from "~/components/viewer-clock";
import { getCaller } from "~/server/caller";
import { requireCompliancePermission } from "../require-compliance";

type ArchivePage = RouterOutputs["compliance"]["deletedMessages"];

export const metadata: Metadata = { title: "Deleted messages" };

/** The archive of deleted messages: the only place their words are kept, newest deletion first. */
export default async function DeletedMessagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireCompliancePermission("deletedMessage.read");
  const params = await searchParams;
  const patientId = firstParam(params.patientId);
  const cursor = firstParam(params.cursor);
  const caller = await getCaller(session);
  const directory = await caller.compliance.directory();
  let page: ArchivePage | null = null;
  let refusal: Refusal | null = null;
  try {
    page = await caller.compliance.deletedMessages({ ...(patientId ? { patientId } : {}), ...(cursor ? { cursor } : {}), limit: 25 });
  } catch (error) {
    refusal = badRequestOf(error, ["patientId"]);
    if (!refusal) throw error;
  }
  const base = `/compliance/deleted-messages${patientId ? `?${new URLSearchParams({ patientId })}` : ""}`;
  const patientError = refusal?.fields.patientId;

  return (
    <>
      <h1>Deleted messages</h1>
      <Alert variant="warning">Deleted messages are kept here only, for compliance review. Reading them is recorded in the audit log.</Alert>
      <search>
        <Card asChild className="flex-row flex-wrap items-end gap-3">
          <form action="/compliance/deleted-messages" method="get" aria-label="Filter deleted messages" noValidate>
            <Field id="deleted-patientId" label="Patient" error={patientError} className="min-w-56 flex-1 sm:max-w-md">
              <NativeSelect name="patientId" defaultValue={patientId ?? ""}>
                <option value="">Every patient</option>
                {directory.patients.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} (born {formatCalendarDate(p.dateOfBirth)})
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Button type="submit">Show</Button>
          </form>
        </Card>
      </search>

      {refusal?.general ? (
        <Alert variant="danger" role="alert">
          <p>
            {refusal.general} <Link href={base}>First page</Link>
          </p>
        </Alert>
      ) : null}

      {page && page.items.length === 0 ? <p>No deleted messages{patientId ? " for this patient" : ""}.</p> : null}

      {page?.items.map((m) => (
        <Card asChild key={m.id} className="gap-3">
        <article data-testid="deleted-message" aria-labelledby={`deleted-${m.id}-h`}>
          <h2 id={`deleted-${m.id}-h`} className="text-lg">
            {m.patientName}: {m.threadTitle}
          </h2>
          <Facts>
            <dt>Written by</dt>
            <dd>
              {m.authorName} on <When at={m.messageCreatedAt} />
            </dd>
            <dt>Deleted by</dt>
            <dd>
              {m.deletedByName ?? "Unknown person"} on <When at={m.deletedAt} />
            </dd>
          </Facts>
          <h3 className="text-muted-foreground">Final text</h3>
          <PatientWords className="text-base">{m.body}</PatientWords>
          {m.versions.length > 0 ? (
            <>
              <h3 className="text-muted-foreground">Earlier versions</h3>
              <ol className="grid list-decimal gap-2 pl-5">
                {m.versions.map((v) => (
                  <li key={v.version}>
                    Version {v.version}, replaced on <When at={v.replacedAt} />
                    <PatientWords className="mt-1 text-base">{v.body}</PatientWords>
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p className="text-muted-foreground">It was never edited.</p>
          )}
        </article>
        </Card>
      ))}

      {page ? (
        <nav className="flex flex-wrap gap-4 empty:hidden" aria-label="Pages">
          {cursor ? <Link href={base}>First page</Link> : null}
          {page.nextCursor ? (
            <Link href={`/compliance/deleted-messages?${new URLSearchParams({ ...(patientId ? { patientId } : {}), cursor: page.nextCursor })}`}>Next page</Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
