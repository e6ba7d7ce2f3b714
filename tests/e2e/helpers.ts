import { createHmac } from "node:crypto";
import { type APIRequestContext, type Page, expect } from "@playwright/test";
import type { ProcedureInfo } from "@concord/api";

export const DEMO_PASSWORD = "concord-demo-2026";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAndWait(page: Page, email: string, path: RegExp) {
  await signIn(page, email);
  await expect(page).toHaveURL(path);
}

/** Signs an API request context in through next-auth's credentials endpoint. */
export async function apiSignIn(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const csrf = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(response.status());
}

/** The portal's own origin (playwright.config.ts serves it here): a browser sends it on every POST. */
export const PORTAL_ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210)}`;

/** Calls a tRPC procedure over HTTP the way the portal's client does (superjson envelope, our own Origin). */
export async function trpcHttp(request: APIRequestContext, path: string, input: unknown, type: ProcedureInfo["type"]) {
  const envelope = JSON.stringify({ json: input ?? null });
  const response =
    type === "mutation"
      ? await request.post(`/api/trpc/${path}`, { data: envelope, headers: { "content-type": "application/json", origin: PORTAL_ORIGIN } })
      : await request.get(`/api/trpc/${path}?input=${encodeURIComponent(envelope)}`, { timeout: 10_000 });
  const text = await response.text();
  return { status: response.status(), text };
}

/** The code an authenticator app shows for a base32 secret (RFC 6238: SHA-1, 30 s, 6 digits). */
export function authenticatorCode(base32Secret: string, at = Date.now()): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of base32Secret.replace(/\s/g, "")) bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => Number.parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = (mac.at(-1) ?? 0) & 0x0f;
  return String(mac.readUInt32BE(offset) & 0x7fffffff).slice(-6).padStart(6, "0");
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
}
