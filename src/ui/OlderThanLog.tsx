/** Said when a picked message's events have left the event log (ledger example ids). */
export function OlderThanLog({ id }: { id: number | null }) {
  return id === null ? null : (
    <p className="muted" role="status">
      Message #{id} is older than the event log keeps: step back to see it.
    </p>
  );
}
