/**
 * What a topic's partition rows mean (issue 6): shown under the stage when the scenario has
 * topics. Cells are records coloured by key (blue without one, dark for a delete marker, pink
 * for an aborted write; pale until every in-sync replica has them), the black line is the high
 * watermark, a triangle a group's committed offset and a tick the position its member reads at,
 * both in the group's colour (the stripe on its members).
 */
const Mark = ({ children }: { children: React.ReactNode }) => (
  <svg width="16" height="14" aria-hidden="true" className="legend-shape">
    {children}
  </svg>
);

export function LogLegend() {
  return (
    <p className="legend priority-legend" data-testid="log-legend">
      <span>Partitions:</span>
      <Mark>
        <rect x="1" y="2" width="4" height="10" fill="hsl(0, 70%, 50%)" />
        <rect x="6" y="2" width="4" height="10" fill="hsl(138, 70%, 50%)" />
        <rect x="11" y="2" width="4" height="10" fill="#3b82f6" />
      </Mark>
      <span>records by key</span>
      <Mark>
        <line x1="8" y1="0" x2="8" y2="14" className="log-hw" />
      </Mark>
      <span>high watermark</span>
      <Mark>
        <path d="M8,4l-5,8h10z" fill="#2563eb" />
      </Mark>
      <span>committed</span>
      <Mark>
        <line x1="8" y1="1" x2="8" y2="11" stroke="#2563eb" strokeWidth="3" />
      </Mark>
      <span>reading at</span>
    </p>
  );
}
