import type { Metadata } from "next";
import { NotificationList } from "~/components/messaging/notification-list";
import { requireSessionActor } from "~/server/session";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  await requireSessionActor();
  return (
    <>
      <h1>Notifications</h1>
      <NotificationList />
    </>
  );
}
