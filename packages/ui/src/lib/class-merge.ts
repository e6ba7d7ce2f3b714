/*
 * A small Tailwind class merger: a later class wins over an earlier one that sets the same property under
 * the same variants ("px-2 … px-4" keeps px-4; "p-3 … px-2" keeps both, as px-2 refines p-3; "px-2 … p-3"
 * keeps p-3 only). It does what tailwind-merge does for the utilities this design system uses, in a
 * fraction of its size: tailwind-merge's configuration alone is 7 kB gzipped in every page that has a
 * button, and patient pages have a 150 kB budget with 132 kB taken by React and Next.
 *
 * The property of a utility is, in general, its name without its value ("min-w-0" → "min-w",
 * "justify-self-start" → "justify-self"); the families whose values are colours or words of their own
 * (text, font, border, bg, ring…) and the one-word utilities are named below. Its test (class-merge.test.ts)
 * holds it to tailwind-merge's answer for every class list written in the sources, combined with every base
 * class list of the ui components, so a utility it groups wrongly shows up there.
 */

const words = (list: string) => list.split(" ");
const table = (list: string, group: string) => Object.fromEntries(words(list).map((w) => [w, group]));

/** One-word utilities (and a few whose value has a dash) and the property each sets. */
const EXACT: Record<string, string> = {
  ...table("block inline-block inline flex inline-flex grid inline-grid contents hidden table table-row table-cell flow-root list-item", "display"),
  ...table("static fixed absolute relative sticky", "position"),
  ...table("visible invisible collapse", "visibility"),
  ...table("sr-only not-sr-only", "sr"),
  ...table("italic not-italic", "font-style"),
  ...table("uppercase lowercase capitalize normal-case", "text-transform"),
  ...table("underline overline line-through no-underline", "text-decoration"),
  ...table("truncate text-ellipsis text-clip", "text-overflow"),
  ...table("antialiased subpixel-antialiased", "smoothing"),
  ...table("tabular-nums proportional-nums", "fvn-spacing"),
  ...table("break-words wrap-break-word wrap-anywhere wrap-normal", "overflow-wrap"),
  ...table("break-all break-keep break-normal", "word-break"),
  ...table("outline-none outline-hidden outline-solid outline-dashed outline-dotted outline-double", "outline-style"),
  ...table("whitespace-pre-wrap whitespace-pre-line whitespace-break-spaces", "whitespace"),
  ...table("flex-row flex-row-reverse flex-col flex-col-reverse", "flex-direction"),
  ...table("flex-wrap flex-nowrap flex-wrap-reverse", "flex-wrap"),
  ...table("list-inside list-outside", "list-position"),
  ...table("border-collapse border-separate", "border-collapse"),
};

/** A later class of the key's property also replaces earlier classes of these (p-4 replaces px-2). */
const OVERRIDES: Record<string, string[]> = {
  p: words("px py pt pr pb pl ps pe"),
  px: words("pr pl ps pe"),
  py: words("pt pb"),
  m: words("mx my mt mr mb ml ms me"),
  mx: words("mr ml ms me"),
  my: words("mt mb"),
  gap: words("gap-x gap-y"),
  size: words("w h"),
  overflow: words("overflow-x overflow-y"),
  inset: words("inset-x inset-y top right bottom left start end"),
  "inset-x": words("right left"),
  "inset-y": words("top bottom"),
  rounded: words("rounded-s rounded-e rounded-t rounded-r rounded-b rounded-l rounded-tl rounded-tr rounded-br rounded-bl"),
  "border-w": words("border-w-x border-w-y border-w-t border-w-r border-w-b border-w-l"),
  "border-w-x": words("border-w-r border-w-l"),
  "border-w-y": words("border-w-t border-w-b"),
  flex: words("grow shrink basis"),
  "line-clamp": words("display overflow"),
  "place-items": words("items justify-items"),
  "place-content": words("content justify"),
  "place-self": words("self justify-self"),
  // sr-only sets its own size, padding, margin, overflow, white-space and position (tailwind-merge drops those too).
  sr: words("position w h size p px py pt pr pb pl ps pe m mx my mt mr mb ml ms me overflow overflow-x overflow-y whitespace"),
};

const TEXT_SIZES = new Set(words("xs sm base lg xl 2xl 3xl 4xl 5xl 6xl 7xl 8xl 9xl"));
const TEXT_ALIGN = new Set(words("left center right justify start end"));
const FONT_WEIGHTS = new Set(words("thin extralight light normal medium semibold bold extrabold black"));
const SHADOW_SIZES = new Set(words("2xs xs sm md lg xl 2xl none inner"));
const BORDER_STYLES = new Set(words("solid dashed dotted double hidden none"));
const SIDES = new Set(words("x y t r b l s e"));
const CORNERS = new Set(words("s e t r b l tl tr br bl"));

/** A width or length value ("2", "0.5", "px", "[3px]"), as opposed to a colour or a keyword. */
const isLength = (v: string) => /^(\d+(\.\d+)?|px|\[(length:)?[\d.]+(px|rem|em)?\])$/.test(v);

/** The property a utility (variants and ! removed) sets, or null for a class this merger leaves alone. */
function groupOf(utility: string): string | null {
  const u = utility.replace(/^-/, "");
  if (u.startsWith("[")) {
    const colon = u.indexOf(":");
    return colon > 0 ? `arbitrary:${u.slice(1, colon)}` : null;
  }
  const exact = EXACT[u];
  if (exact) return exact;
  const dash = u.indexOf("-");
  if (dash < 0) return u === "grow" || u === "shrink" || u === "border" || u === "rounded" || u === "shadow" || u === "ring" || u === "transition" ? (u === "border" ? "border-w" : u === "ring" ? "ring-w" : u) : null;
  const family = u.slice(0, dash);
  const value = u.slice(dash + 1);
  switch (family) {
    case "text":
      if (TEXT_SIZES.has(value) || /^\[[\d.]+(px|rem|em)\]$/.test(value)) return "font-size";
      if (TEXT_ALIGN.has(value)) return "text-align";
      return /^(wrap|nowrap|balance|pretty)$/.test(value) ? "text-wrap" : "text-color";
    case "font":
      return FONT_WEIGHTS.has(value) ? "font-weight" : "font-family";
    case "rounded": {
      const side = value.split("-")[0] as string;
      return CORNERS.has(side) ? `rounded-${side}` : "rounded";
    }
    case "shadow":
      return SHADOW_SIZES.has(value) ? "shadow" : "shadow-color";
    case "ring":
      return value === "inset" ? "ring-inset" : value.startsWith("offset-") ? "ring-offset" : isLength(value) ? "ring-w" : "ring-color";
    case "outline":
      return value.startsWith("offset-") ? "outline-offset" : isLength(value) ? "outline-w" : "outline-color";
    case "decoration":
      return isLength(value) || value === "auto" || value === "from-font" ? "decoration-thickness" : /^(solid|double|dotted|dashed|wavy)$/.test(value) ? "decoration-style" : "decoration-color";
    case "border": {
      if (BORDER_STYLES.has(value)) return "border-style";
      if (isLength(value)) return "border-w";
      const [side = "", ...rest] = value.split("-");
      if (!SIDES.has(side)) return "border-color";
      return rest.length === 0 || isLength(rest.join("-")) ? `border-w-${side}` : `border-color-${side}`;
    }
    case "divide": {
      const [axis = "", ...rest] = value.split("-");
      if (axis === "x" || axis === "y") return rest.length === 0 || isLength(rest.join("-")) ? `divide-${axis}` : "divide-color";
      return "divide-color";
    }
    case "bg":
      return "bg-color";
    case "stroke":
      return isLength(value) ? "stroke-w" : "stroke";
    case "fill":
    case "accent":
    case "caret":
    case "flex":
    case "grow":
    case "shrink":
      return family;
  }
  // In general the property is the name without its value: a bracketed value ("-[…]", "-(…)"), else the last segment.
  const bracket = u.search(/-[[(]/);
  return u.slice(0, bracket > 0 ? bracket : u.lastIndexOf("-"));
}

/** Splits "md:hover:px-2" into its variants and utility, leaving colons inside brackets alone. */
function splitVariants(cls: string): { variants: string[]; utility: string } {
  const variants: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < cls.length; i++) {
    const c = cls[i];
    if (c === "[" || c === "(") depth++;
    else if (c === "]" || c === ")") depth--;
    else if (c === ":" && depth === 0) {
      variants.push(cls.slice(start, i));
      start = i + 1;
    }
  }
  return { variants, utility: cls.slice(start) };
}

/** Merges a space-separated class list: of the classes that set one property under one set of variants, the last wins. */
export function mergeClasses(classList: string): string {
  const classes = classList.split(/\s+/).filter(Boolean);
  const taken = new Set<string>();
  const kept: string[] = [];
  for (let i = classes.length - 1; i >= 0; i--) {
    const cls = classes[i] as string;
    const { variants, utility } = splitVariants(cls);
    const important = /^!|!$/.test(utility) ? "!" : "";
    const group = groupOf(utility.replace(/^!|!$/g, ""));
    if (group === null) {
      kept.push(cls);
      continue;
    }
    // Variants are sorted, as tailwind-merge does, so "md:hover:" and "hover:md:" are one scope.
    const scope = `${variants.sort().join(":")}${important}|`;
    if (taken.has(scope + group)) continue;
    kept.push(cls);
    taken.add(scope + group);
    for (const covered of OVERRIDES[group] ?? []) taken.add(scope + covered);
  }
  return kept.reverse().join(" ");
}
