import { readFileSync } from "node:fs";
import { type APIRequestContext, type Page, expect, request as playwrightRequest, test } from "./fixtures";
import { apiSignIn, signInAndWait, trpcHttp } from "./helpers";

/**
 * The compliance officer's journeys on the built portal, across roles: a clinician on no team opens
 * a record in an emergency and the officer reviews it; a physician deletes a message and the officer
 * reads it in the archive; the audit log finds the emergency access, downloads it as CSV and refuses a
 * bad filter next to its field; nobody else sees any of it.
 */

const CSV_HEADER = "id,at,actor,actor_role,actor_id,action,outcome,patient,patient_id,detail";

async function call(context: APIRequestContext, path: string, input: unknown, type: "query" | "mutation") {
  const { status, text } = await trpcHttp(context, path, input, type);
  expect(status, `${path}: ${text.slice(0, 300)}`).toBe(200);
  return JSON.parse(text).result.data.json;
}

/**
 * Tom Becker (on no team) opens Casey Nguyen's record; an access still open from earlier is ended
 * first, so this one is new. Each journey ends its accesses before they are reviewed: an access is
 * reviewed once it has ended, so the review counts every read made under it.
 */
async function openCaseyAccess(tom: APIRequestContext, reason: string): Promise<{ id: string; patientId: string }> {
  const input = { name: "Casey Nguyen", dateOfBirth: "1996-01-22", reason };
  let opened = await call(tom, "emergencyAccess.open", input, "mutation");
  if (opened.reopened) {
    await call(tom, "emergencyAccess.end", { id: opened.id }, "mutation");
    opened = await call(tom, "emergencyAccess.open", input, "mutation");
  }
  expect(opened).toMatchObject({ patientName: "Casey Nguyen", reopened: false });
  return { id: opened.id as string, patientId: opened.patientId as string };
}

async function signedInAs(baseURL: string | undefined, email: string) {
  const context = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(context, email);
  return context;
}

function accessArticle(page: Page, id: string) {
  return page.locator(`[data-testid="emergency-access"][data-access-id="${id}"]`);
}

test("an emergency access by a clinician on no team waits for review, and the compliance officer reviews it once", async ({ page, baseURL }) => {
  const tag = `e2e${Date.now()}`;
  const tom = await signedInAs(baseURL, "unassigned@concord.demo");
  const reason = `Seen in the emergency department after a fall (${tag})`;
  const { id: accessId, patientId } = await openCaseyAccess(tom, reason);
  // Tom reads the record under the access (the review counts the reads it covered) and ends it; it still waits for review.
  await call(tom, "patients.get", { patientId }, "query");
  await call(tom, "emergencyAccess.end", { id: accessId }, "mutation");
  // A second access, for the late review below (one access at a time per clinician and patient).
  const { id: secondId } = await openCaseyAccess(tom, `Second emergency visit the same week (${tag})`);
  await call(tom, "emergencyAccess.end", { id: secondId }, "mutation");
  await tom.dispose();

  await signInAndWait(page, "compliance@concord.demo", /\/compliance$/);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Emergency reviews" }).click();
  await expect(page).toHaveURL(/\/compliance\/emergency-access$/);
  await expect(page.getByRole("heading", { level: 1, name: "Emergency accesses to review" })).toBeVisible();

  const waiting = page.getByTestId("emergency-access").filter({ hasText: "Tom Becker" }).filter({ hasText: "Casey Nguyen" }).filter({ hasText: reason });
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toHaveAttribute("data-access-id", accessId);
  await expect(waiting).toContainText("Physical therapist");
  await expect(waiting).toContainText(reason);
  // Tom's one read of the summary, and nothing else of his that hour, is counted.
  await expect(waiting.locator("dd", { hasText: "while open" })).toHaveText("1 reads while open");

  // A review needs a note: the server's message is shown next to it.
  await waiting.getByRole("button", { name: "Mark reviewed", exact: true }).click();
  await expect(waiting.getByRole("alert")).toContainText("Write what the review found");
  await expect(waiting.getByLabel("Review note", { exact: true })).toHaveAttribute("aria-invalid", "true");

  const note = `Matches the emergency department attendance ${tag}`;
  await waiting.getByLabel("Review note", { exact: true }).fill(note);
  await waiting.getByRole("button", { name: "Mark reviewed", exact: true }).click();
  await expect(waiting.getByRole("status")).toContainText("Reviewed by Noor Haddad");

  // It has left the waiting list and is under Reviewed, with who reviewed it and the note.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Emergency accesses to review" })).toBeVisible();
  await expect(accessArticle(page, accessId)).toHaveCount(0);
  await page.getByRole("link", { name: "Reviewed", exact: true }).click();
  await expect(page).toHaveURL(/\/compliance\/emergency-access\?status=reviewed$/);
  const reviewed = accessArticle(page, accessId);
  await expect(reviewed).toContainText("Reviewed by Noor Haddad");
  await expect(reviewed).toContainText(note);
  await expect(reviewed.getByRole("button", { name: "Mark reviewed" })).toHaveCount(0);

  // A second officer's tab reviewed a waiting access first: the late click shows the server's CONFLICT message.
  await page.goto("/compliance/emergency-access");
  const second = accessArticle(page, secondId);
  await expect(second.getByLabel("Review note", { exact: true })).toBeVisible();
  await call(page.request, "compliance.reviewEmergencyAccess", { id: secondId, note: "Reviewed in another tab" }, "mutation");
  await second.getByLabel("Review note", { exact: true }).fill("Late review");
  await second.getByRole("button", { name: "Mark reviewed", exact: true }).click();
  await expect(second.getByRole("alert")).toContainText("already been reviewed");
});

test("a message the physician deleted is in the compliance archive, with its final words", async ({ page, baseURL }) => {
  const physician = await signedInAs(baseURL, "physician@concord.demo");
  const patients = await call(physician, "patients.list", { limit: 50 }, "query");
  // Jordan: other journeys expect Alex's shared space to stay empty.
  const jordan = patients.items.find((p: { name: string }) => p.name === "Jordan Lee");
  expect(jordan?.id).toBeTruthy();
  const patientId = jordan.id as string;
  const tag = `e2e${Date.now()}`;
  const words = `violet harbour ${tag}`;
  const thread = await call(physician, "messaging.createThread", { patientId, space: "team", title: `Archive check ${tag.slice(-4)}`, body: "Team note." }, "mutation");
  const posted = await call(physician, "messaging.post", { patientId, threadId: thread.threadId, body: words }, "mutation");
  await call(physician, "messaging.delete", { patientId, messageId: posted.id, expectedVersion: 1 }, "mutation");
  await physician.dispose();

  await signInAndWait(page, "compliance@concord.demo", /\/compliance$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Deleted messages" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deleted messages" })).toBeVisible();
  await expect(page.getByText("Deleted messages are kept here only, for compliance review. Reading them is recorded in the audit log.")).toBeVisible();
  const item = page.getByTestId("deleted-message").filter({ hasText: words });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Jordan Lee");
  await expect(item).toContainText(`Archive check ${tag.slice(-4)}`);
  await expect(item).toContainText("Written by");
  await expect(item).toContainText("Deleted by");

  // The patient filter narrows the archive: Casey's has none of Jordan's messages.
  const patientSelect = page.getByLabel("Patient", { exact: true });
  const caseyId = await patientSelect.locator("option", { hasText: "Casey Nguyen" }).getAttribute("value");
  await patientSelect.selectOption(caseyId ?? "");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`patientId=${caseyId}`));
  await expect(page.getByTestId("deleted-message").filter({ hasText: words })).toHaveCount(0);
});

test("the audit log finds the emergency access by patient and action prefix, downloads it as CSV and refuses a bad date range", async ({ page, baseURL }) => {
  const tom = await signedInAs(baseURL, "unassigned@concord.demo");
  const { id: accessId } = await openCaseyAccess(tom, `Emergency department called about a flare (e2e${Date.now()})`);
  await call(tom, "emergencyAccess.end", { id: accessId }, "mutation");
  await tom.dispose();

  await signInAndWait(page, "compliance@concord.demo", /\/compliance$/);
  const patientSelect = page.getByLabel("Patient", { exact: true });
  const caseyId = await patientSelect.locator("option", { hasText: "Casey Nguyen" }).getAttribute("value");
  expect(caseyId).toMatch(/^[0-9a-f-]{36}$/);
  await patientSelect.selectOption(caseyId ?? "");
  await page.getByLabel("Action", { exact: true }).fill("emergencyAccess.*");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/action=emergencyAccess\.\*/);

  const rows = page.getByTestId("audit-row");
  const open = rows.filter({ hasText: "Tom Becker" }).filter({ hasText: "emergencyAccess.open" }).filter({ hasText: accessId });
  await expect(open.first()).toBeVisible();
  await expect(open.first()).toContainText("Casey Nguyen");
  await expect(open.first()).toContainText("Physical therapist");
  // Every row on the page is Casey's and an emergency-access action: the filter was applied.
  for (const row of await rows.all()) {
    await expect(row.locator("td").nth(4)).toHaveText("Casey Nguyen");
    await expect(row.locator("td").nth(2)).toHaveText(/^emergencyAccess\./);
  }

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^concord-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), "utf8");
  const lines = csv.split("\r\n").filter(Boolean);
  expect(lines[0]).toBe(CSV_HEADER);
  expect(csv).toContain("emergencyAccess.open");
  expect(csv).toContain(accessId);
  for (const line of lines.slice(1)) expect(line).toContain(caseyId ?? "none");

  // From after To: the server's message sits next to the To field, and no entries are shown.
  await page.getByLabel("From", { exact: true }).fill("2026-12-10");
  await page.getByLabel("To", { exact: true }).fill("2026-12-01");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/from=2026-12-10/);
  const to = page.getByLabel("To", { exact: true });
  await expect(to).toHaveAttribute("aria-invalid", "true");
  await expect(to).toHaveAccessibleDescription("The end date is before the start date.");
  await expect(page.locator("#filter-to-error")).toBeVisible();
  await expect(page.getByTestId("audit-table")).toHaveCount(0);
});

test("clinicians and patients are sent away from the compliance pages, and the CSV answers nobody else", async ({ page, browser, baseURL }) => {
  await signInAndWait(page, "physician@concord.demo", /\/patients$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Emergency access" })).toHaveAttribute("href", "/emergency-access");
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  for (const path of ["/compliance", "/compliance/emergency-access?status=reviewed", "/compliance/deleted-messages"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/patients$/);
    await expect(page.getByRole("heading", { name: /Audit log|Emergency accesses|Deleted messages/ })).toHaveCount(0);
  }

  const physician = await signedInAs(baseURL, "physician@concord.demo");
  const asClinician = await physician.get("/compliance/audit.csv", { maxRedirects: 0 });
  expect(asClinician.status()).toBe(403);
  expect(asClinician.headers()["content-type"]).not.toContain("text/csv");
  expect(await asClinician.text()).not.toContain("emergencyAccess");
  await physician.dispose();

  const anonymous = await playwrightRequest.newContext({ baseURL });
  const signedOut = await anonymous.get("/compliance/audit.csv", { maxRedirects: 0 });
  expect(signedOut.status()).toBe(401);
  expect(signedOut.headers()["content-type"]).not.toContain("text/csv");
  await anonymous.dispose();

  // The same file for the compliance officer, so the refusals above are about who asks.
  const officer = await signedInAs(baseURL, "compliance@concord.demo");
  const asOfficer = await officer.get("/compliance/audit.csv?action=emergencyAccess.*", { maxRedirects: 0 });
  expect(asOfficer.status()).toBe(200);
  expect(asOfficer.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(asOfficer.headers()["content-disposition"]).toMatch(/^attachment; filename="concord-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
  expect(asOfficer.headers()["cache-control"]).toContain("no-store");
  expect((await asOfficer.text()).split("\r\n")[0]).toBe(CSV_HEADER);
  await officer.dispose();

  const patientPage = await browser.newContext();
  const patientTab = await patientPage.newPage();
  await signInAndWait(patientTab, "jordan@concord.demo", /\/me$/);
  await patientTab.goto("/compliance");
  await expect(patientTab).toHaveURL(/\/me$/);
  await expect(patientTab.getByRole("heading", { name: "Audit log" })).toHaveCount(0);
  await patientPage.close();
});
