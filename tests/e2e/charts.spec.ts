import { CSS_ITEM_IDS } from "@concord/domain";
import { expect, request as playwrightRequest, test } from "./fixtures";
import { signInAndWait, trpcHttp } from "./helpers";
import { apiSignIn } from "./helpers";

const cssItems = (present: number) => Object.fromEntries(CSS_ITEM_IDS.map((id, i) => [id, i < present]));

test("a chart point shows its date and value on hover and on keyboard focus, and the axis fits the data with readable labels on a phone", async ({ page, baseURL }) => {
  // Two CSS scores for Alex (a small change: no alert), recorded through the API, a week apart.
  const physician = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(physician, "physician@concord.demo");
  const list = await trpcHttp(physician, "patients.list", { limit: 10 }, "query");
  const alex = JSON.parse(list.text).result.data.json.items.find((p: { name: string }) => p.name === "Alex Morgan");
  const patient = JSON.parse((await trpcHttp(physician, "patients.get", { patientId: alex.id }, "query")).text).result.data.json;
  const day = (back: number) => {
    const d = new Date(`${patient.today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - back);
    return d.toISOString().slice(0, 10);
  };
  for (const [back, present] of [
    [9, 8],
    [2, 7],
  ] as const) {
    const saved = await trpcHttp(physician, "measures.recordCss", { patientId: alex.id, takenOn: day(back), items: cssItems(present) }, "mutation");
    expect(saved.status, saved.text).toBe(200);
  }
  await physician.dispose();

  await page.setViewportSize({ width: 390, height: 844 });
  await signInAndWait(page, "physician@concord.demo", /\/patients$/);
  await page.goto(`/patients/${alex.id}/progress?days=30`);
  const chart = page.getByTestId("chart-css");
  const points = chart.locator("[data-chart-point]");
  await expect(points.first()).toBeAttached();
  expect(await points.count()).toBeGreaterThanOrEqual(2);

  // Hover: the tooltip of that point appears with its value.
  const last = points.last();
  await expect(last).toHaveAccessibleName(/CSS: 7$/);
  // The point's own glyph (CSS is drawn with squares), not the centre of its box, which includes the hidden tooltip.
  await last.locator("rect").first().hover();
  await expect(last.locator("[data-chart-tooltip]")).toHaveCSS("opacity", "1");
  await expect(last.locator("[data-chart-tooltip]")).toContainText("CSS: 7");

  // Keyboard: the chart is one Tab stop; the arrow keys move between points, each showing its tooltip.
  await page.mouse.move(0, 0);
  await points.first().focus();
  await expect(points.first().locator("[data-chart-tooltip]")).toHaveCSS("opacity", "1");
  await page.keyboard.press("End");
  await expect(last).toBeFocused();
  await expect(last.locator("[data-chart-tooltip]")).toHaveCSS("opacity", "1");
  await expect(points.first().locator("[data-chart-tooltip]")).toHaveCSS("opacity", "0");
  await expect(last).toHaveAttribute("tabindex", "0");
  await expect(points.first()).toHaveAttribute("tabindex", "-1");

  // Axis labels are drawn at their own size on a 390 px phone (not a viewBox shrunk to 5 px).
  const labelHeights = await chart.locator("svg text:visible").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height).filter((h) => h > 0));
  expect(labelHeights.length).toBeGreaterThan(2);
  expect(Math.min(...labelHeights)).toBeGreaterThanOrEqual(11);
  // Nothing scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The axis runs from the first score to the last, not over the whole 30 days.
  const plot = page.getByTestId("chart-css-plot");
  const firstBox = await points.first().locator("circle").first().boundingBox();
  const lastBox = await last.locator("circle").first().boundingBox();
  const plotBox = await plot.boundingBox();
  expect(firstBox && lastBox && plotBox).toBeTruthy();
  if (firstBox && lastBox && plotBox) expect(lastBox.x - firstBox.x).toBeGreaterThan(plotBox.width * 0.8);
});

test("the patient's progress page gives a plain-language summary and not the clinicians' change log", async ({ page }) => {
  await signInAndWait(page, "alex@concord.demo", /\/me$/);
  await page.goto("/me/progress");
  const summary = page.getByTestId("progress-summary");
  await expect(summary.getByRole("listitem")).toHaveCount(3);
  await expect(summary).toContainText(/Your average pain (went from \d+ to \d+|stayed about the same) over the last 4 weeks|Not enough check-ins yet to see a trend in your average pain\./);
  await expect(page.getByRole("heading", { name: "Plan changes on the charts" })).toHaveCount(0);
  await expect(page.getByText(/Plan change \(numbered/)).toHaveCount(0);
});
