import { NotificationList } from "~/components/messaging/notification-list";
import { requireSessionActor } from "~/server/session";

export default async function NotificationsPage() {
  await requireSessionActor();
  return (
    <>
      <h1>Notifications</h1>
      <NotificationList />
    </>
  );
}
