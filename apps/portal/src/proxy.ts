import { type NextRequest, NextResponse } from "next/server";
import { env } from "~/env";

/**
 * Security headers for every page and every non-tRPC API response (the tRPC route sets its own,
 * so its request bodies are never buffered here).
 *
 * Scripts: a fresh nonce per request with 'strict-dynamic'. Next reads the nonce from the
 * Content-Security-Policy *request* header and puts it on its own inline and bundle scripts; the
 * chunks those scripts load are trusted through 'strict-dynamic'. Pages render dynamically (the root
 * layout is force-dynamic), so no cached HTML carries a stale nonce.
 *
 * Styles: 'self' 'unsafe-inline', no nonce. The portal and Radix set `style` attributes (a nonce
 * cannot cover an attribute), and react-remove-scroll inserts <style> elements at run time without
 * one; a nonce in style-src would also switch 'unsafe-inline' off. CSS cannot run script, and
 * script-src stays strict, which is what stands between an injected string and the patient's data.
 */
function contentSecurityPolicy(nonce: string, https: boolean, development: boolean): string {
  const directives = [
    "default-src 'self'",
    // 'self' and https: are ignored by browsers that understand 'strict-dynamic'; older ones fall back to them.
    `script-src 'nonce-${nonce}' 'strict-dynamic' 'self'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

function freshNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function proxy(request: NextRequest) {
  const config = env();
  const https = config.publicUrl.startsWith("https://");
  const nonce = freshNonce();
  const policy = contentSecurityPolicy(nonce, https, process.env.NODE_ENV === "development");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  // Every page is rendered for one signed-in person; sign-in and session endpoints carry tokens.
  response.headers.set("Cache-Control", "no-store");
  // Only when the portal is served over https: over plain http a browser ignores it, and a local
  // install on http must not be pinned to https it does not have.
  if (https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  // Not the built assets (no personal data, and they should cache) and not tRPC (its route sets the headers).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/trpc).*)"],
};
