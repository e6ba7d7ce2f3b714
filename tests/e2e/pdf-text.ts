import { inflateSync } from "node:zlib";

/**
 * The text a PDF draws, for tests: inflates each content stream and decodes the hex strings of its
 * text operators (pdfkit writes `[<48656c6c6f> 20 <...>] TJ` with WinAnsi codes for the standard
 * fonts). Good enough to find words in a PDF pdfkit made; not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string {
  const out: string[] = [];
  const source = pdf.toString("latin1");
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(source); m; m = streams.exec(source)) {
    const start = m.index + m[0].length;
    const end = source.indexOf("endstream", start);
    if (end < 0) break;
    const raw = pdf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(raw).toString("latin1");
    } catch {
      content = raw.toString("latin1");
    }
    for (const tj of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const parts = tj[1] !== undefined ? [...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((p) => p[1] ?? "") : [tj[2] ?? ""];
      out.push(parts.map((hex) => Buffer.from(hex, "hex").toString("latin1")).join(""));
    }
  }
  return out.join("\n");
}
