import { PAIN_SCALE_MAX, daysBetween, describePainTrend } from "@concord/domain";

const WIDTH = 96;
const HEIGHT = 28;
const PAD = 3;

/**
 * A small server-rendered line of average pain over the list's window (no JavaScript). Each check-in sits
 * on its day, so a gap in check-ins shows as a longer segment; the text alternative says first → last.
 */
export function PainSparkline({ points, from, to }: { points: ReadonlyArray<{ date: string; pain: number }>; from: string; to: string }) {
  const label = describePainTrend(points);
  if (points.length === 0) return <span className="text-sm text-muted-foreground">No check-ins</span>;
  const span = Math.max(1, daysBetween(from, to));
  const x = (date: string) => PAD + (Math.min(span, Math.max(0, daysBetween(from, date))) / span) * (WIDTH - 2 * PAD);
  const y = (pain: number) => PAD + (1 - pain / PAIN_SCALE_MAX) * (HEIGHT - 2 * PAD);
  const coords = points.map((p) => `${x(p.date).toFixed(1)},${y(p.pain).toFixed(1)}`);
  const last = points[points.length - 1];
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap">
      <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} className="shrink-0 overflow-visible text-primary" data-testid="pain-sparkline">
        <title>{label}</title>
        <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD} y2={HEIGHT - PAD} className="stroke-border" strokeWidth={1} />
        {points.length > 1 ? <polyline points={coords.join(" ")} fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinejoin="round" strokeLinecap="round" /> : null}
        {last ? <circle cx={x(last.date)} cy={y(last.pain)} r={2.5} fill="currentColor" /> : null}
      </svg>
      <span aria-hidden="true" className="text-sm tabular-nums">
        {points.length > 1 ? `${points[0]?.pain} → ${last?.pain}` : `${last?.pain}`}
      </span>
    </span>
  );
}
