import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../client";
import { type TestClinicIds, openTestDatabase, seedTestClinic, testBackends } from "../testing";
import { latestRealtimeEventId, listPatientEventsAfter, listUserEventsAfter } from "./messaging-events";
import { careTeamUserIds, countUnreadNotifications, createNotifications, getNotificationsByIds, listNotifications, markNotificationsRead, patientUserId } from "./messaging-notifications";
import { addCareTeamMember, removeCareTeamMember } from "./patients";

describe.each(testBackends())("notifications on %s", (backend) => {
  let handle: DbHandle;
  let ids: TestClinicIds;
  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    ids = await seedTestClinic(handle.db);
  });
  afterAll(async () => handle?.close());

  it("creates notifications and one user-addressed event each, in the caller's transaction", async () => {
    const before = await latestRealtimeEventId(handle.db);
    const team = await careTeamUserIds(handle.db, ids.patients.alex, { except: ids.users.pt });
    expect(team).toHaveLength(3);
    expect(team).not.toContain(ids.users.pt);
    const created = await handle.db.transaction((tx) =>
      createNotifications(tx, { userIds: [...team, team[0]!], patientId: ids.patients.alex, kind: "plan_change", title: "Plan changed", link: "/patients/x/plan" }),
    );
    expect(created).toHaveLength(3);
    expect(await countUnreadNotifications(handle.db, ids.users.physician)).toBe(1);
    const events = await listUserEventsAfter(handle.db, { userId: ids.users.physician, afterId: before });
    expect(events.map((e) => e.kind)).toEqual(["notification"]);
    // Person-addressed events never travel on the patient's conversation stream.
    expect(await listPatientEventsAfter(handle.db, { patientId: ids.patients.alex, afterId: before, spaces: ["team", "patient"] })).toEqual([]);
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    const before = await latestRealtimeEventId(handle.db);
    await expect(
      handle.db.transaction(async (tx) => {
        await createNotifications(tx, { userIds: [ids.users.ot], patientId: ids.patients.alex, kind: "alert", title: "Alert", link: "/patients/x" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await latestRealtimeEventId(handle.db)).toBe(before);
    expect((await listNotifications(handle.db, { userId: ids.users.ot, limit: 10 })).items.filter((n) => n.kind === "alert")).toEqual([]);
  });

  it("pages newest first and marks only the owner's notifications read", async () => {
    const patientUser = await patientUserId(handle.db, ids.patients.alex);
    expect(patientUser).toBe(ids.users.alex);
    for (let i = 0; i < 5; i++) {
      await createNotifications(handle.db, { userIds: [ids.users.alex], patientId: ids.patients.alex, kind: "message", title: `n${i}`, link: "/me/messages" });
    }
    const first = await listNotifications(handle.db, { userId: ids.users.alex, limit: 3 });
    expect(first.items.map((n) => n.title)).toEqual(["n4", "n3", "n2"]);
    const second = await listNotifications(handle.db, { userId: ids.users.alex, limit: 3, before: first.nextBefore ?? undefined });
    expect(second.items.map((n) => n.title)).toEqual(["n1", "n0"]);
    expect(second.nextBefore).toBeNull();
    expect(await markNotificationsRead(handle.db, { userId: ids.users.pt, ids: [first.items[0]!.id] })).toBe(0);
    expect(await markNotificationsRead(handle.db, { userId: ids.users.alex, ids: [first.items[0]!.id] })).toBe(1);
    expect(await countUnreadNotifications(handle.db, ids.users.alex)).toBe(4);
  });

  it("hides a patient's notifications from someone taken off the care team", async () => {
    const [id] = await handle.db.transaction((tx) =>
      createNotifications(tx, { userIds: [ids.users.outsider], patientId: ids.patients.casey, kind: "message", title: "New message about Casey", link: "/patients/x/messages" }),
    );
    expect((await listNotifications(handle.db, { userId: ids.users.outsider, limit: 10 })).items.map((n) => n.id)).toContain(id);
    const unreadBefore = await countUnreadNotifications(handle.db, ids.users.outsider);
    await removeCareTeamMember(handle.db, ids.patients.casey, ids.users.outsider);
    expect((await listNotifications(handle.db, { userId: ids.users.outsider, limit: 10 })).items.map((n) => n.id)).not.toContain(id);
    expect(await countUnreadNotifications(handle.db, ids.users.outsider)).toBe(unreadBefore - 1);
    expect(await getNotificationsByIds(handle.db, ids.users.outsider, [id!])).toEqual([]);
    await addCareTeamMember(handle.db, { patientId: ids.patients.casey, clinicianId: ids.users.outsider, discipline: "pain_physician", addedBy: null });
    expect(await getNotificationsByIds(handle.db, ids.users.outsider, [id!])).toHaveLength(1);
  });
});
