import { formatDate, formatMoney, humanize, type OrderEvent } from '@shop/shared';

/** The order's event stream, oldest first, as the event store recorded it. */
export function Timeline({ events }: { events: OrderEvent[] }) {
  if (events.length === 0) return <p className="muted">No events yet.</p>;
  return (
    <ol className="timeline" aria-label="Order timeline" data-testid="order-timeline">
      {[...events].sort((a, b) => a.version - b.version).map((event) => (
        <li key={event.version} data-event-type={event.type}>
          <span className="event-type">{humanize(event.type)}</span>
          <time dateTime={event.occurredAt}>{formatDate(event.occurredAt)}</time>
          {describe(event.data) && <span className="muted event-detail">{describe(event.data)}</span>}
        </li>
      ))}
    </ol>
  );
}

/** A one-line reading of the event's data (a reason, an amount), when it has one. */
function describe(data: unknown): string | null {
  if (!data || typeof data !== 'object') return null;
  const record = data as Record<string, unknown>;
  const reason = record.reason ?? record.failureReason;
  if (typeof reason === 'string') return `Reason: ${humanize(reason)}`;
  if (typeof record.amount === 'number') return `Amount: ${formatMoney(record.amount)}`;
  return null;
}
