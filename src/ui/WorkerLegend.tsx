/**
 * What a service's worker bar means: shown under the stage when the scenario has services. Each
 * slot is a worker; teal ones are working, amber ones are held by a request that waits on a call
 * it made (blocked: the cost of a synchronous chain), empty ones are free.
 */
export function WorkerLegend() {
  const slot = (cls: string) => (
    <svg width="14" height="14" aria-hidden="true" className="legend-shape">
      <rect x="1" y="1" width="12" height="12" className={cls} />
    </svg>
  );
  return (
    <p className="legend priority-legend" data-testid="worker-legend">
      <span>Service workers:</span>
      {slot('worker-fill')}
      <span>working</span>
      {slot('worker-fill worker-fill--blocked')}
      <span>waiting on a call</span>
      {slot('worker-track')}
      <span>free</span>
    </p>
  );
}
