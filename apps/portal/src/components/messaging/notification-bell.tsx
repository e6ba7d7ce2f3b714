"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { Bell } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { unreadLabel } from "@concord/domain";
import { Badge } from "@concord/ui/badge";
import { cn } from "@concord/ui/utils";
import { useTRPC } from "~/trpc/react";

/** Unread notifications in the header, kept live over SSE (the count is sent, never summed). */
export function NotificationBell() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const count = useQuery(trpc.notifications.unreadCount.queryOptions());
  useSubscription(
    trpc.notifications.events.subscriptionOptions(
      {},
      {
        onStarted: () => void queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }),
        onData: (event) => {
          queryClient.setQueryData(trpc.notifications.unreadCount.queryKey(), { unread: event.data.unread });
          void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() });
        },
      },
    ),
  );
  const unread = count.data?.unread ?? 0;
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
      <Bell aria-hidden="true" className="size-5" />
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
