import { DISCIPLINE_LABELS, type Discipline } from "@concord/domain";

export function CareTeamList({ team }: { team: Array<{ clinicianId: string; name: string; discipline: Discipline; active: boolean }> }) {
  if (team.length === 0) return <p className="muted">No clinicians are on this care team yet.</p>;
  return (
    <ul className="plain" aria-label="Care team">
      {team.map((m) => (
        <li key={m.clinicianId}>
          <strong>{m.name}</strong> — {DISCIPLINE_LABELS[m.discipline]}
          {m.active ? null : <span className="badge warn"> inactive</span>}
        </li>
      ))}
    </ul>
  );
}
