/**
 * A few example message ids of one ledger class of one queue (LedgerPanel.tsx), as buttons that
 * select the message.
 */
import { formatCount } from './format';

/** Example ids shown per class and queue. */
const EXAMPLES = 5;

export function LedgerExamples({
  label,
  ids,
  queueId,
  onPick,
}: {
  label: string;
  ids: readonly number[];
  queueId: string;
  onPick(id: number): void;
}) {
  if (ids.length === 0) return null;
  return (
    <p className="ledger-examples">
      {queueId} {label}:{' '}
      {ids.slice(0, EXAMPLES).map((id) => (
        <button
          key={id}
          type="button"
          className="id-chip"
          data-testid={`ledger-${label}-id`}
          aria-label={`Select message ${id} (${label} in ${queueId})`}
          onClick={() => onPick(id)}
        >
          #{id}
        </button>
      ))}
      {ids.length > EXAMPLES ? ` … ${formatCount(ids.length - EXAMPLES)} more` : ''}
    </p>
  );
}
