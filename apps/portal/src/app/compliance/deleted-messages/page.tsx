import Link from "next/link";
import type { RouterOutputs } from "@concord/api";
import { formatCalendarDate } from "@concord/domain";
import { firstParam } from "~/components/compliance/audit-filter-params";
import styles from "~/components/compliance/compliance.module.css";
import { type Refusal, badRequestOf } from "~/components/compliance/refusal";
import { When } from "~/components/viewer-clock";
import { getCaller } from "~/server/caller";
import { requireCompliancePermission } from "../require-compliance";

type ArchivePage = RouterOutputs["compliance"]["deletedMessages"];

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
      <p className="alert warning">Deleted messages are kept here only, for compliance review. Reading them is recorded in the audit log.</p>
      <search>
        <form action="/compliance/deleted-messages" method="get" className="card inline" aria-label="Filter deleted messages" noValidate>
          <div>
            <label htmlFor="deleted-patientId">Patient</label>
            <select
              id="deleted-patientId"
              name="patientId"
              defaultValue={patientId ?? ""}
              aria-invalid={patientError ? true : undefined}
              aria-describedby={patientError ? "deleted-patientId-error" : undefined}
            >
              <option value="">Every patient</option>
              {directory.patients.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} (born {formatCalendarDate(p.dateOfBirth)})
                </option>
              ))}
            </select>
            {patientError ? (
              <span id="deleted-patientId-error" className={styles.fieldError}>
                {patientError}
              </span>
            ) : null}
          </div>
          <button type="submit">Show</button>
        </form>
      </search>

      {refusal?.general ? (
        <p className="alert error" role="alert">
          {refusal.general} <Link href={base}>First page</Link>
        </p>
      ) : null}

      {page && page.items.length === 0 ? <p>No deleted messages{patientId ? " for this patient" : ""}.</p> : null}

      {page?.items.map((m) => (
        <article key={m.id} className={`card ${styles.article}`} data-testid="deleted-message" aria-labelledby={`deleted-${m.id}-h`}>
          <h2 id={`deleted-${m.id}-h`}>
            {m.patientName}: {m.threadTitle}
          </h2>
          <dl className={styles.facts}>
            <dt>Written by</dt>
            <dd>
              {m.authorName} on <When at={m.messageCreatedAt} />
            </dd>
            <dt>Deleted by</dt>
            <dd>
              {m.deletedByName ?? "Unknown person"} on <When at={m.deletedAt} />
            </dd>
          </dl>
          <h3 className="muted">Final text</h3>
          <blockquote className={styles.words}>{m.body}</blockquote>
          {m.versions.length > 0 ? (
            <>
              <h3 className="muted">Earlier versions</h3>
              <ol className={styles.versions}>
                {m.versions.map((v) => (
                  <li key={v.version}>
                    Version {v.version}, replaced on <When at={v.replacedAt} />
                    <blockquote className={styles.words}>{v.body}</blockquote>
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p className="muted">It was never edited.</p>
          )}
        </article>
      ))}

      {page ? (
        <nav className={styles.pager} aria-label="Pages">
          {cursor ? <Link href={base}>First page</Link> : null}
          {page.nextCursor ? (
            <Link href={`/compliance/deleted-messages?${new URLSearchParams({ ...(patientId ? { patientId } : {}), cursor: page.nextCursor })}`}>Next page</Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
