import { DISCIPLINE_LABELS, type Discipline } from "@concord/domain";
import { Badge } from "@concord/ui/badge";
import { RowList } from "./layout";

export function CareTeamList({ team }: { team: Array<{ clinicianId: string; name: string; discipline: Discipline; active: boolean }> }) {
  if (team.length === 0) return <p className="text-muted-foreground">No clinicians are on this care team yet.</p>;
  return (
    <RowList aria-label="Care team">
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
