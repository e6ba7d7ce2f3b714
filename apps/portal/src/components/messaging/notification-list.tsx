"use client";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "~/components/error-message";
import { When } from "~/components/viewer-clock";
import { useTRPC } from "~/trpc/react";

const KIND_LABEL = { message: "Message", mention: "Mention", plan_change: "Plan change", alert: "Alert", patient_question: "Question",
  unrouted_alert: "Needs a care team",
  emergency_access: "Emergency access",
} as const;

export function NotificationList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [before, setBefore] = useState<number | undefined>(undefined);
  const list = useQuery(trpc.notifications.list.queryOptions({ limit: 30, before }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));
  if (list.isPending) return <p className="muted">Loading notifications…</p>;
  if (list.error) return <p className="alert error">{errorMessage(list.error)}</p>;
  const items = list.data.items;
  return (
    <>
      <div className="inline" style={{ marginBottom: "1rem" }}>
        <button type="button" className="secondary" onClick={() => markRead.mutate({})} disabled={markRead.isPending}>
          Mark all as read
        </button>
        {before ? (
          <button type="button" className="secondary" onClick={() => setBefore(undefined)}>
            Back to newest
          </button>
        ) : null}
      </div>
      {markRead.error ? <p className="alert error">{errorMessage(markRead.error)}</p> : null}
      {items.length === 0 ? <p className="muted">No notifications.</p> : null}
      <ul className="plain" aria-label="Notifications">
        {items.map((n) => (
          <li key={n.id} data-testid="notification" style={{ display: "flex", gap: ".75rem", alignItems: "baseline", flexWrap: "wrap" }}>
            <span className={`badge ${n.readAt ? "" : "warn"}`}>{n.readAt ? "Read" : "New"}</span>
            <span className="muted">{KIND_LABEL[n.kind]}</span>
            <Link href={n.link} style={{ flex: 1, fontWeight: n.readAt ? 400 : 600 }}>
              {n.title}
            </Link>
            <When className="muted" at={n.createdAt} />
            {!n.readAt ? (
              <button type="button" className="secondary" onClick={() => markRead.mutate({ ids: [n.id] })} disabled={markRead.isPending}>
                Mark as read
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {list.data.nextBefore ? (
        <button type="button" className="secondary" onClick={() => setBefore(list.data.nextBefore ?? undefined)}>
          Older notifications
        </button>
      ) : null}
    </>
  );
}
