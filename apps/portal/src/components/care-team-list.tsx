import { DISCIPLINE_LABELS, type Discipline } from "@concord/domain";
import { Badge } from "@concord/ui/badge";
import { RowList } from "./layout";

/** The team, one person a line; `compact` (the summary's card) drops the dividers so four people fit in a few lines. */
export function CareTeamList({ team, compact = false }: { team: Array<{ clinicianId: string; name: string; discipline: Discipline; active: boolean }>; compact?: boolean }) {
  if (team.length === 0) return <p className="text-muted-foreground">No clinicians are on this care team yet.</p>;
  return (
    <RowList aria-label="Care team" className={compact ? "divide-y-0 [&>li]:py-0.5" : undefined}>
      {team.map((m) => (
        <li key={m.clinicianId}>
          <strong>{m.name}</strong> — {DISCIPLINE_LABELS[m.discipline]}
          {m.active ? null : (
            <>
              {" "}
              <Badge variant="warning">inactive</Badge>
            </>
          )}
        </li>
      ))}
    </RowList>
  );
}
