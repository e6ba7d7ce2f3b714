"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";
import { unreadLabel } from "@concord/domain/client";
import { Badge } from "@concord/ui/badge";
import { cn } from "@concord/ui/utils";
import { NOTIFICATIONS_READ, NOTIFICATION_ARRIVED, announce, trpcEventsUrl, trpcGet } from "~/components/shell/live-counts";

/**
 * Unread notifications in the header. The server renders the count; it is then kept live over SSE
 * (`notifications.events` sends the fresh count, never a sum), and re-read when the stream (re)opens or the
 * person marks notifications read.
 */
export function NotificationBell({ initialUnread, icon }: { initialUnread: number; icon: ReactNode }) {
  const pathname = usePathname();
  const [unread, setUnread] = useState(initialUnread);
  useEffect(() => setUnread(initialUnread), [initialUnread]);
  useEffect(() => {
    const reread = async () => {
      const count = await trpcGet<{ unread: number }>("notifications.unreadCount");
      if (count) setUnread(count.unread);
    };
    const source = new EventSource(trpcEventsUrl("notifications.events"));
    // Events missed while the stream was down are re-read as one count.
    source.onopen = () => void reread();
    source.onmessage = (message) => {
      const unreadNow = (JSON.parse(message.data) as { json?: { unread?: unknown } }).json?.unread;
      if (typeof unreadNow === "number") setUnread(unreadNow);
      announce(NOTIFICATION_ARRIVED);
    };
    const onRead = () => void reread();
    window.addEventListener(NOTIFICATIONS_READ, onRead);
    return () => {
      source.close();
      window.removeEventListener(NOTIFICATIONS_READ, onRead);
    };
  }, []);
  const current = pathname === "/notifications";
  return (
    <Link
      href="/notifications"
      data-testid="notification-bell"
      aria-current={current ? "page" : undefined}
      title="Notifications"
      className={cn(
        "inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-md px-2 text-foreground no-underline hover:bg-accent hover:text-accent-foreground",
        "aria-[current]:bg-accent aria-[current]:text-accent-foreground aria-[current]:ring-2 aria-[current]:ring-primary",
      )}
    >
      {icon}
      <span className="sr-only">Notifications</span>
      {unread > 0 ? (
        <Badge variant="warning" className="px-2">
          <span className="sr-only">, </span>
          {unreadLabel(unread)}
          <span className="sr-only"> unread</span>
        </Badge>
      ) : null}
    </Link>
  );
}
