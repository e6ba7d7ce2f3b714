import { type ChartResolution, formatCalendarDate, addDays, toDayNumber } from "@concord/domain";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@concord/ui/table";

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

export interface PlanMarker {
  date: string;
  label: string;
}

interface TrendChartProps {
  id: string;
  title: string;
  unit: string;
  yMin: number;
  yMax: number;
  from: string;
  to: string;
  resolution: ChartResolution;
  lines: ChartLine[];
  markers: readonly PlanMarker[];
  /** Horizontal reference lines, e.g. PHQ-9 band edges. */
  references?: ReadonlyArray<{ value: number; label: string }>;
  decimals?: number;
}

const W = 640;
const H = 220;
const PAD = { left: 40, right: 16, top: 26, bottom: 30 };

function Glyph({ shape, x, y, size, tone }: { shape: MarkerShape; x: number; y: number; size: number; tone: ChartTone }) {
  const s = size;
  const { stroke, fill } = TONE[tone];
  switch (shape) {
    case "circle":
      return <circle cx={x} cy={y} r={s} className={fill} />;
    case "square":
      return <rect x={x - s} y={y - s} width={s * 2} height={s * 2} className={`fill-card ${stroke}`} strokeWidth={1.6} />;
    case "triangle":
      return <path d={`M${x},${y - s * 1.2} L${x + s * 1.1},${y + s} L${x - s * 1.1},${y + s} Z`} className={fill} />;
    case "diamond":
      return <path d={`M${x},${y - s * 1.3} L${x + s * 1.1},${y} L${x},${y + s * 1.3} L${x - s * 1.1},${y} Z`} className={`fill-card ${stroke}`} strokeWidth={1.6} />;
  }
}

export function LegendGlyph({ line }: { line: Pick<ChartLine, "shape" | "tone" | "dash"> }) {
  return (
    <svg width="34" height="14" aria-hidden="true" focusable="false" className="shrink-0">
      <line x1="1" y1="7" x2="33" y2="7" className={TONE[line.tone].stroke} strokeWidth="2" strokeDasharray={line.dash} />
      <Glyph shape={line.shape} x={17} y={7} size={4} tone={line.tone} />
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

/**
 * A hand-written SVG line chart. Lines differ by marker shape and dash, plan changes are numbered
 * vertical lines (numbered as in the list the trends panel shows once), and every value is also in
 * a table for screen readers.
 */
export function TrendChart(props: TrendChartProps) {
  const { id, title, unit, yMin, yMax, from, to, lines, markers, resolution, references = [], decimals = 0 } = props;
  const start = toDayNumber(from);
  const span = Math.max(1, toDayNumber(to) - start);
  const x = (date: string) => PAD.left + ((toDayNumber(date) - start) / span) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - yMin) / (yMax - yMin)) * (H - PAD.top - PAD.bottom);
  const hasData = lines.some((l) => l.points.length > 0);
  const yTicks = niceTicks(yMin, yMax);
  const xTicks = Array.from({ length: 5 }, (_, i) => addDays(from, Math.round((span * i) / 4)));
  const visibleMarkers = markers.filter((m) => m.date >= from && m.date <= to);

  const latest = lines
    .map((l) => {
      const last = l.points[l.points.length - 1];
      return last ? `${l.label} ${fmt(last.value, decimals)} on ${formatCalendarDate(last.date)}` : `${l.label}: no data`;
    })
    .join("; ");
  const summary = `${title}, ${resolution === "weekly" ? "weekly averages" : "daily values"} from ${from} to ${to}. Latest: ${latest}. ${visibleMarkers.length} plan change${visibleMarkers.length === 1 ? "" : "s"} marked.`;

  const dates = [...new Set(lines.flatMap((l) => l.points.map((p) => p.date)))].sort();
  const byLine = new Map(lines.map((l) => [l.key, new Map(l.points.map((p) => [p.date, p.value]))]));

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
            Plan change (numbered)
          </li>
        ) : null}
      </ul>
      {hasData ? (
        <svg className="block h-auto w-full rounded-lg bg-card" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
          {yTicks.map((t) => (
            <g key={t}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="stroke-border" />
              <text x={PAD.left - 6} y={y(t) + 4} fontSize="11" textAnchor="end" className="fill-muted-foreground">
                {t}
              </text>
            </g>
          ))}
          {references.map((r) => (
            <g key={r.label}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(r.value)} y2={y(r.value)} className="stroke-input" strokeDasharray="1 3" />
              <text x={W - PAD.right - 2} y={y(r.value) - 3} fontSize="10" textAnchor="end" className="fill-muted-foreground">
                {r.label}
              </text>
            </g>
          ))}
          {xTicks.map((t) => (
            <text key={t} x={x(t)} y={H - 8} fontSize="11" textAnchor={t === from ? "start" : t === xTicks[xTicks.length - 1] ? "end" : "middle"} className="fill-muted-foreground">
              {t}
            </text>
          ))}
          <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} className="stroke-input" />
          <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className="stroke-input" />
          {visibleMarkers.map((m, i) => (
            <g key={m.date}>
              <line x1={x(m.date)} x2={x(m.date)} y1={PAD.top - 10} y2={H - PAD.bottom} className="stroke-foreground" strokeDasharray="3 2" />
              <text x={x(m.date)} y={PAD.top - 13} fontSize="11" fontWeight="700" textAnchor="middle" className="fill-foreground">
                {i + 1}
              </text>
            </g>
          ))}
          {lines.map((l) => (
            <g key={l.key}>
              {l.points.length > 1 ? (
                <polyline
                  fill="none"
                  className={TONE[l.tone].stroke}
                  strokeWidth={2}
                  strokeDasharray={l.dash}
                  points={l.points.map((p) => `${x(p.date).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ")}
                />
              ) : null}
              {l.points.map((p) => (
                <Glyph key={p.date} shape={l.shape} x={x(p.date)} y={y(p.value)} size={l.points.length > 60 ? 2.2 : 3.5} tone={l.tone} />
              ))}
            </g>
          ))}
        </svg>
      ) : (
        <p className="text-muted-foreground italic">Nothing recorded for {title} between {from} and {to}.</p>
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
                    {d}
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
