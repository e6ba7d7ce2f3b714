import Link from "next/link";
import type { RouterOutputs } from "@concord/api";
import { CSS_MAX_TOTAL, formatCalendarDate } from "@concord/domain";
import { type ChartLine, TrendChart, planChangeAnchor } from "./trend-chart";

type Trends = RouterOutputs["measures"]["trends"];

const C = { a: "primary", b: "danger", c: "success", d: "warning" } as const;

/**
 * The six trend charts, sharing one time axis (first to last point in the range). Clinicians see
 * the plan-change markers, each day's revisions linking to that version of the plan; patients get
 * no change log (their page shows the plain-language summary instead).
 */
export function TrendsPanel({ trends, planHistoryBase }: { trends: Trends; planHistoryBase: string | null }) {
  const s = trends.series;
  const pts = (k: string) => s[k]?.points ?? [];
  const resolution = s.painAverage?.resolution ?? "daily";
  const markers = planHistoryBase ? trends.planChanges : [];
  const common = { from: trends.axis.from, to: trends.axis.to, markers, resolution } as const;
  // Measures are sparse: show weekly means with a decimal only when the range is long.
  const measure = (k: string) => ({ resolution: s[k]?.resolution ?? resolution, decimals: (s[k]?.resolution ?? resolution) === "weekly" ? 1 : 0 });
  const single = (key: string, label: string, shape: ChartLine["shape"], tone: ChartLine["tone"]): ChartLine[] => [{ key, label, points: pts(key), shape, tone }];
  return (
    <div className="flex flex-col gap-6">
      <p className="text-muted-foreground">
        {resolution === "weekly" ? "Long ranges are shown as weekly averages (dated on the Monday of each week). " : ""}
        {trends.checkInDays} check-in day{trends.checkInDays === 1 ? "" : "s"} in this range
        {trends.checkInDays > 0 ? `, charted from ${formatCalendarDate(trends.axis.from)} to ${formatCalendarDate(trends.axis.to)}` : ""}. Hover over or focus a point
        (Tab, then the arrow keys) to read its value.
        {markers.length > 0 ? " Numbered dashed lines mark plan changes." : ""}
      </p>
      {planHistoryBase && markers.length > 0 ? (
        <section aria-labelledby="plan-changes-h" className="grid gap-1">
          <h3 id="plan-changes-h">Plan changes on the charts</h3>
          <ol className="grid gap-1 text-sm">
            {markers.map((m, i) => (
              <li key={m.date} id={planChangeAnchor(i + 1)} className="scroll-mt-24">
                {m.changes.length === 1 && m.changes[0] ? (
                  <span>
                    <strong>{i + 1}.</strong> {formatCalendarDate(m.date)}:{" "}
                    <Link href={`${planHistoryBase}/${m.changes[0].version}`}>{m.changes[0].label}</Link>
                  </span>
                ) : (
                  <details>
                    <summary className="w-fit cursor-pointer font-semibold text-primary">
                      {i + 1}. {formatCalendarDate(m.date)}: {m.changes.length} revisions
                    </summary>
                    <ul className="list-disc pl-5">
                      {m.changes.map((c) => (
                        <li key={c.version}>
                          <Link href={`${planHistoryBase}/${c.version}`}>
                            Version {c.version}: {c.label}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <TrendChart
        id="pain"
        title="Pain (0–10)"
        unit="0–10"
        yMin={0}
        yMax={10}
        {...common}
        decimals={resolution === "weekly" ? 1 : 0}
        lines={[
          { key: "painWorst", label: "Worst", points: pts("painWorst"), shape: "triangle", tone: C.b, dash: "6 3" },
          { key: "painAverage", label: "Average", points: pts("painAverage"), shape: "circle", tone: C.a },
          { key: "painNow", label: "Now", points: pts("painNow"), shape: "square", tone: C.c, dash: "2 2" },
        ]}
      />
      <TrendChart id="adherence" title="Adherence (% of plan items done)" unit="%" yMin={0} yMax={100} decimals={0} {...common} lines={single("adherence", "Adherence", "diamond", C.d)} references={[{ value: 50, label: "50%" }]} />
      <TrendChart id="css" title="CRPS Severity Score" unit={`0–${CSS_MAX_TOTAL}`} yMin={0} yMax={CSS_MAX_TOTAL} {...common} {...measure("css")} lines={single("css", "CSS", "square", C.b)} />
      <TrendChart id="phq9" title="PHQ-9 (mood)" unit="0–27" yMin={0} yMax={27} {...common} {...measure("phq9")} lines={single("phq9", "PHQ-9", "circle", C.a)} references={[{ value: 10, label: "10 moderate" }, { value: 20, label: "20 severe" }]} />
      <TrendChart id="gad7" title="GAD-7 (anxiety)" unit="0–21" yMin={0} yMax={21} {...common} {...measure("gad7")} lines={single("gad7", "GAD-7", "triangle", C.c)} references={[{ value: 10, label: "10 moderate" }, { value: 15, label: "15 severe" }]} />
      <TrendChart id="psfs" title="Patient-Specific Functional Scale (mean, 0–10, higher is better)" unit="0–10" yMin={0} yMax={10} {...common} {...measure("psfs")} decimals={1} lines={single("psfs", "PSFS", "diamond", C.a)} />
    </div>
  );
}

/** The patient's own summary in plain words: what the numbers did over the last four weeks, nothing more. */
export function ProgressSummary({ summary }: { summary: Trends["summary"] }) {
  return (
    <ul className="grid gap-1" data-testid="progress-summary">
      {summary.map((s) => (
        <li key={s.label}>{s.text}</li>
      ))}
    </ul>
  );
}
