import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Page, expect } from "./fixtures";

// Axe in the real browser, shared by accessibility.spec.ts (every page, both themes) and phone.spec.ts
// (the patient's pages at phone size).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; summary: string }[];
}

/** Waits until client components have loaded their data, so axe sees the page a person sees. */
export async function settle(page: Page) {
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.getByText(/^Loading\b/)).toHaveCount(0);
  // After a client-side navigation (sign-in pushes to the landing page) Next.js sets the new page's
  // <title> a moment after its content paints; wait for it so axe checks the page as it settles.
  await expect(page).toHaveTitle(/Concord/);
}

function describeFindings(where: string, findings: Finding[]) {
  const lines = findings.flatMap((f) => [
    `[${f.impact}] ${f.id}: ${f.help} (${f.helpUrl})`,
    ...f.nodes.slice(0, 8).map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, "\n      ")}`),
    ...(f.nodes.length > 8 ? [`    … and ${f.nodes.length - 8} more`] : []),
  ]);
  return `Accessibility violations on ${where}:\n${lines.join("\n")}`;
}

/** Runs axe (WCAG 2.0/2.1 A and AA rules) on the page as it is now. */
export async function runAxe(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time.
    const axe = (window as any).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    // biome-ignore lint/suspicious/noExplicitAny: axe's result objects cross the page boundary as plain JSON.
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      // biome-ignore lint/suspicious/noExplicitAny: as above.
      nodes: v.nodes.map((n: any) => ({ target: n.target.join(" "), summary: n.failureSummary ?? "" })),
    }));
  }, WCAG_TAGS);
}

export const isSerious = (f: Finding) => f.impact === "serious" || f.impact === "critical";

/** A serious or critical violation fails the test (softly, so one run reports every page). */
export async function checkPage(page: Page, where: string) {
  await settle(page);
  const dark = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
  const serious = (await runAxe(page)).filter(isSerious);
  expect.soft(serious, describeFindings(`${where} (${dark ? "dark" : "light"} theme)`, serious)).toEqual([]);
}

export async function visit(page: Page, path: string) {
  await page.goto(path);
  await checkPage(page, path);
}
