/** Concord's mark: two rings joined (the patient and the team). The same drawing as app/icon.svg. */
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={className}>
      <rect width="32" height="32" rx="7" fill="#1f5fae" />
      <circle cx="12.5" cy="16" r="6.5" fill="none" stroke="#ffffff" strokeWidth="3" />
      <circle cx="19.5" cy="16" r="6.5" fill="none" stroke="#9cc3ff" strokeWidth="3" />
    </svg>
  );
}
