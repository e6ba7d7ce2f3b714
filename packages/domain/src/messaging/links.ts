export type MessageToken = { type: "text"; text: string } | { type: "link"; text: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
// Punctuation that usually ends the sentence rather than the link.
const TRAILING = /[.,;:!?)\]}]+$/;

/**
 * Splits plain text into text and http(s) links. Renderers output text as text (never as HTML)
 * and only ever put an http(s) URL that parsed cleanly into an href, so a message cannot inject
 * markup or a `javascript:` link.
 */
export function tokenizeMessage(body: string): MessageToken[] {
  const tokens: MessageToken[] = [];
  let last = 0;
  for (const match of body.matchAll(URL_PATTERN)) {
    let raw = match[0];
    const trailing = TRAILING.exec(raw)?.[0] ?? "";
    // Keep a closing bracket that belongs to the URL, e.g. a Wikipedia link "..._(disambiguation)".
    if (trailing.startsWith(")") && raw.slice(0, -trailing.length).includes("(")) raw = raw.slice(0, -(trailing.length - 1));
    else if (trailing) raw = raw.slice(0, -trailing.length);
    const start = match.index;
    let href: string | null = null;
    try {
      const url = new URL(raw);
      if ((url.protocol === "http:" || url.protocol === "https:") && url.hostname) href = url.href;
    } catch {
      href = null;
    }
    if (!href) continue;
    if (start > last) tokens.push({ type: "text", text: body.slice(last, start) });
    tokens.push({ type: "link", text: raw, href });
    last = start + raw.length;
  }
  if (last < body.length) tokens.push({ type: "text", text: body.slice(last) });
  return tokens;
}
