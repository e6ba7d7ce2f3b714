import { tokenizeMessage } from "@concord/domain/client";

/** Plain text with http(s) links: React escapes the text, and only parsed http(s) URLs become hrefs. */
export function MessageText({ body }: { body: string }) {
  // A token's offset in the body is unique and stable (its text may repeat, e.g. one link sent twice).
  let offset = 0;
  const tokens = tokenizeMessage(body).map((token) => {
    const at = offset;
    offset += token.text.length;
    return { token, at };
  });
  return (
    <p className="whitespace-pre-wrap wrap-anywhere">
      {tokens.map(({ token, at }) =>
        token.type === "link" ? (
          <a key={at} href={token.href} target="_blank" rel="noopener noreferrer">
            {token.text}
          </a>
        ) : (
          <span key={at}>{token.text}</span>
        ),
      )}
    </p>
  );
}
