import { type ChartResolution, type PlanChangeGroup, addDays, formatCalendarDate, toDayNumber } from "@concord/domain";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@concord/ui/table";
import { ChartKeyboard } from "./chart-keyboard";

export type MarkerShape = "circle" | "square" | "triangle" | "diamond";

export interface ChartLine {
  key: string;
  label: string;
  points: ReadonlyArray<{ date: string; value: number }>;
  shape: MarkerShape;
  /** Each line differs by shape and dash as well as colour, so it reads without colour. */
  dash?: string;
  tone: ChartTone;
}

/** A line's colour, from the theme's tokens (so it follows light and dark). */
export type ChartTone = "primary" | "danger" | "success" | "warning";

const TONE: Record<ChartTone, { stroke: string; fill: string }> = {
  primary: { stroke: "stroke-primary", fill: "fill-primary" },
  danger: { stroke: "stroke-danger", fill: "fill-danger" },
  success: { stroke: "stroke-success", fill: "fill-success" },
  warning: { stroke: "stroke-warning", fill: "fill-warning" },
};

interface TrendChartProps {
  id: string;
  title: string;
  unit: string;
  yMin: number;
  yMax: number;
  /** The time axis (first to last point, from the server's `axis`). */
  from: string;
  to: string;
  resolution: ChartResolution;
  lines: ChartLine[];
  /** Plan-change days, numbered as in the panel's list (clinicians only; patients get none). */
  markers: readonly PlanChangeGroup[];
  /** Horizontal reference lines, e.g. PHQ-9 band edges. */
  references?: ReadonlyArray<{ value: number; label: string }>;
  decimals?: number;
}

/**
 * The chart is drawn without a viewBox: x positions are percentages of the rendered width and y
 * positions are pixels, so text is drawn at its own size (12 px) on a 390 px phone and on a wide
 * screen alike, instead of shrinking with the drawing. Glyphs sit in nested <svg x="…%"> so they
 * keep their shape.
 */
const H = 220;
const PAD = { top: 26, bottom: 30 };
const FONT = 12;
const Y_AXIS_WIDTH = 36;

function Glyph({ shape, size, tone }: { shape: MarkerShape; size: number; tone: ChartTone }) {
  const s = size;
  const { stroke, fill } = TONE[tone];
  switch (shape) {
    case "circle":
      return <circle r={s} className={fill} />;
    case "square":
      return <rect x={-s} y={-s} width={s * 2} height={s * 2} className={`fill-card ${stroke}`} strokeWidth={1.6} />;
    case "triangle":
      return <path d={`M0,${-s * 1.2} L${s * 1.1},${s} L${-s * 1.1},${s} Z`} className={fill} />;
    case "diamond":
      return <path d={`M0,${-s * 1.3} L${s * 1.1},0 L0,${s * 1.3} L${-s * 1.1},0 Z`} className={`fill-card ${stroke}`} strokeWidth={1.6} />;
  }
}

export function LegendGlyph({ line }: { line: Pick<ChartLine, "shape" | "tone" | "dash"> }) {
  return (
    <svg width="34" height="14" aria-hidden="true" focusable="false" className="shrink-0">
      <line x1="1" y1="7" x2="33" y2="7" className={TONE[line.tone].stroke} strokeWidth="2" strokeDasharray={line.dash} />
      <g transform="translate(17 7)">
        <Glyph shape={line.shape} size={4} tone={line.tone} />
      </g>
    </svg>
  );
}

/** Whole-number ticks on a 1-2-5 step, so labels are never rounded into lies (2.5 shown as "3"). */
function niceTicks(min: number, max: number): number[] {
  const step = [1, 2, 5, 10, 20, 25, 50].find((s) => (max - min) / s <= 6) ?? 100;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max; v += step) ticks.push(v);
  return ticks;
}

const fmt = (v: number, decimals: number) => (Number.isInteger(v) && decimals === 0 ? String(v) : v.toFixed(decimals));
/** "2 Dec" on the axis; the year is in the chart's name and the table. */
const shortDate = (date: string) => formatCalendarDate(date).replace(/ \d{4}$/, "");
const pct = (f: number) => `${(f * 100).toFixed(3)}%`;

/** The id of the n-th plan-change day in the panel's list (1-based), for the markers' links. */
export const planChangeAnchor = (n: number) => `plan-change-${n}`;

/**
 * A hand-written SVG line chart. Every point can be hovered or focused (one Tab stop per chart,
 * arrow keys between points) and then shows its date and value; plan changes are numbered dashed
 * lines that link to that day's revisions; every value is also in a table.
 */
export function TrendChart(props: TrendChartProps) {
  const { id, title, unit, yMin, yMax, from, to, lines, markers, resolution, references = [], decimals = 0 } = props;
  const start = toDayNumber(from);
  const span = Math.max(1, toDayNumber(to) - start);
  // Weekly points are dated on a Monday that may precede the axis: clamp them onto it.
  const fx = (date: string) => Math.min(1, Math.max(0, (toDayNumber(date) - start) / span));
  const y = (v: number) => PAD.top + (1 - (v - yMin) / (yMax - yMin)) * (H - PAD.top - PAD.bottom);
  const hasData = lines.some((l) => l.points.length > 0);
  const yTicks = niceTicks(yMin, yMax);
  const xTicks = [...new Set([0, 1, 2, 3, 4].map((i) => Math.round((span * i) / 4)))].map((d) => ({ f: d / span, date: addDays(from, d) }));
  const visibleMarkers = markers.map((m, i) => ({ ...m, n: i + 1 })).filter((m) => m.date >= from && m.date <= to);
  const when = (date: string) => (resolution === "weekly" ? `week of ${formatCalendarDate(date)}` : formatCalendarDate(date));

  const latest = lines
    .map((l) => {
      const last = l.points[l.points.length - 1];
      return last ? `${l.label} ${fmt(last.value, decimals)} on ${formatCalendarDate(last.date)}` : `${l.label}: no data`;
    })
    .join("; ");
  const summary = `${title}, ${resolution === "weekly" ? "weekly averages" : "daily values"} from ${formatCalendarDate(from)} to ${formatCalendarDate(to)}. Latest: ${latest}.${markers.length > 0 ? ` ${visibleMarkers.length} plan change day${visibleMarkers.length === 1 ? "" : "s"} marked.` : ""}`;

  const dates = [...new Set(lines.flatMap((l) => l.points.map((p) => p.date)))].sort();
  const byLine = new Map(lines.map((l) => [l.key, new Map(l.points.map((p) => [p.date, p.value]))]));
  let firstPoint = true;

  return (
    <figure className="grid min-w-0 gap-2" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={`${title} legend`}>
        {lines.map((l) => (
          <li key={l.key} className="flex items-center gap-1.5">
            <LegendGlyph line={l} /> {l.label}
          </li>
        ))}
        {visibleMarkers.length > 0 ? (
          <li className="flex items-center gap-1.5">
            <svg width="14" height="14" aria-hidden="true" className="shrink-0">
              <line x1="7" y1="0" x2="7" y2="14" className="stroke-foreground" strokeDasharray="3 2" />
            </svg>{" "}
            Plan change (numbered, opens its revisions)
          </li>
        ) : null}
      </ul>
      {hasData ? (
        <ChartKeyboard>
          <p className="sr-only" id={`${id}-summary`}>
            {summary} Use the arrow keys to move between points.
          </p>
          <div className="flex rounded-lg bg-card pr-4">
            <svg width={Y_AXIS_WIDTH} height={H} aria-hidden="true" focusable="false" className="shrink-0">
              {yTicks.map((t) => (
                <text key={t} x={Y_AXIS_WIDTH - 6} y={y(t) + 4} fontSize={FONT} textAnchor="end" className="fill-muted-foreground">
                  {t}
                </text>
              ))}
            </svg>
            {/* biome-ignore lint/a11y/useSemanticElements: an SVG group of focusable points, not a form fieldset */}
            <svg height={H} className="block min-w-0 flex-1 overflow-visible" role="group" aria-labelledby={`${id}-summary`} data-testid={`chart-${id}-plot`}>
              {yTicks.map((t) => (
                <line key={t} x1="0" x2="100%" y1={y(t)} y2={y(t)} className="stroke-border" />
              ))}
              {references.map((r) => (
                <g key={r.label}>
                  <line x1="0" x2="100%" y1={y(r.value)} y2={y(r.value)} className="stroke-input" strokeDasharray="1 3" />
                  <text x="100%" y={y(r.value) - 3} fontSize={FONT} textAnchor="end" className="fill-muted-foreground">
                    {r.label}
                  </text>
                </g>
              ))}
              {xTicks.map((t, i) => (
                <text
                  key={t.date}
                  x={pct(t.f)}
                  y={H - 8}
                  fontSize={FONT}
                  textAnchor={i === 0 ? "start" : i === xTicks.length - 1 ? "end" : "middle"}
                  // Five dates do not fit a phone: there the first, middle and last remain.
                  className={`fill-muted-foreground ${i % 2 === 1 ? "max-sm:hidden" : ""}`}
                >
                  {shortDate(t.date)}
                </text>
              ))}
              <line x1="0" x2="0" y1={PAD.top} y2={H - PAD.bottom} className="stroke-input" />
              <line x1="0" x2="100%" y1={H - PAD.bottom} y2={H - PAD.bottom} className="stroke-input" />
              {visibleMarkers.map((m) => (
                <g key={m.date}>
                  <line x1={pct(fx(m.date))} x2={pct(fx(m.date))} y1={PAD.top - 8} y2={H - PAD.bottom} className="stroke-foreground" strokeDasharray="3 2" />
                  <a
                    href={`#${planChangeAnchor(m.n)}`}
                    aria-label={`Plan change ${m.n}, ${formatCalendarDate(m.date)}: ${m.changes.length} revision${m.changes.length === 1 ? "" : "s"}`}
                    className="focus:outline-none [&:focus-visible>circle]:stroke-ring"
                  >
                    <svg x={pct(fx(m.date))} y={PAD.top - 16} overflow="visible">
                      <title>{m.changes.map((c) => c.label).join("\n")}</title>
                      <circle r={9} className="fill-card stroke-foreground" strokeWidth={1.5} />
                      <text y={4} fontSize={FONT} fontWeight="700" textAnchor="middle" className="fill-foreground">
                        {m.n}
                      </text>
                    </svg>
                  </a>
                </g>
              ))}
              {lines.map((l) => (
                <g key={l.key}>
                  {l.points.slice(1).map((p, i) => {
                    const prev = l.points[i] ?? p;
                    return <line key={p.date} x1={pct(fx(prev.date))} y1={y(prev.value)} x2={pct(fx(p.date))} y2={y(p.value)} className={TONE[l.tone].stroke} strokeWidth={2} strokeDasharray={l.dash} />;
                  })}
                </g>
              ))}
              {lines.map((l) => (
                <g key={l.key}>
                  {l.points.map((p) => {
                    const f = fx(p.date);
                    const text = `${l.label}: ${fmt(p.value, decimals)}${unit === "%" ? "%" : ""}`;
                    const label = `${when(p.date)}, ${text}`;
                    // Tooltips open away from the nearer edge, so they stay inside the chart.
                    const tipWidth = Math.max(label.length, 10) * 6.6 + 16;
                    const tipX = f > 0.6 ? -tipWidth + 8 : f < 0.2 ? -8 : -tipWidth / 2;
                    const tipY = y(p.value) - PAD.top < 50 ? 12 : -52;
                    const tabIndex = firstPoint ? 0 : -1;
                    firstPoint = false;
                    return (
                      // biome-ignore lint/a11y/noSvgWithoutTitle: a positioning wrapper; the focusable point inside carries the name
                      <svg key={p.date} x={pct(f)} y={y(p.value)} overflow="visible">
                        {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a chart point is an image of one value, focusable so the value can be read by keyboard (roving focus) */}
                        <g tabIndex={tabIndex} role="img" aria-label={label} data-chart-point="" className="group focus:outline-none">
                          <circle r={11} className="fill-transparent" />
                          <circle r={7} className="fill-none stroke-ring opacity-0 group-hover:opacity-100 group-focus:opacity-100" strokeWidth={2} />
                          <Glyph shape={l.shape} size={dates.length > 60 ? 2.4 : 3.5} tone={l.tone} />
                          <g className="pointer-events-none opacity-0 group-hover:opacity-100 group-focus:opacity-100" data-chart-tooltip="">
                            <rect x={tipX} y={tipY} width={tipWidth} height={40} rx={6} className="fill-popover stroke-border" />
                            <text x={tipX + 8} y={tipY + 16} fontSize={FONT} className="fill-popover-foreground">
                              {when(p.date)}
                            </text>
                            <text x={tipX + 8} y={tipY + 32} fontSize={FONT} fontWeight="700" className="fill-popover-foreground">
                              {text}
                            </text>
                          </g>
                        </g>
                      </svg>
                    );
                  })}
                </g>
              ))}
            </svg>
          </div>
        </ChartKeyboard>
      ) : (
        <p className="text-muted-foreground italic">
          Nothing recorded for {title} between {formatCalendarDate(from)} and {formatCalendarDate(to)}.
        </p>
      )}
      {hasData ? (
        <details className="group">
          <summary className="w-fit cursor-pointer rounded-md font-semibold text-primary">Table view: {title}</summary>
          <Table frameClassName="mt-2 max-h-88 overflow-y-auto">
            <TableCaption className="sr-only">{summary}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{resolution === "weekly" ? "Week starting" : "Date"}</TableHead>
                {lines.map((l) => (
                  <TableHead key={l.key} scope="col">
                    {l.label}
                    {unit ? ` (${unit})` : ""}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {dates.map((d) => (
                <TableRow key={d}>
                  <TableHead scope="row" className="text-base whitespace-nowrap text-foreground">
                    {formatCalendarDate(d)}
                  </TableHead>
                  {lines.map((l) => {
                    const v = byLine.get(l.key)?.get(d);
                    return <TableCell key={l.key}>{v === undefined ? "—" : fmt(v, decimals)}</TableCell>;
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </details>
      ) : null}
    </figure>
  );
}

