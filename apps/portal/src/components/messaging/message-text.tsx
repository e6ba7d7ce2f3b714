import { tokenizeMessage } from "@concord/domain";

/** Plain text with http(s) links: React escapes the text, and only parsed http(s) URLs become hrefs. */
export function MessageText({ body }: { body: string }) {
  return (
    <p style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: ".25rem 0" }}>
      {tokenizeMessage(body).map((token, index) =>
        token.type === "link" ? (
          <a key={index} href={token.href} target="_blank" rel="noopener noreferrer">
            {token.text}
          </a>
        ) : (
          <span key={index}>{token.text}</span>
        ),
      )}
    </p>
  );
}
