import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert, api, Button, Card, ErrorMessage, formatMoney, humanize, Loadable, PageHeader, StatusBadge, useAsync, usePolling,
  type Order, type OrderEvent,
} from '@shop/shared';
import { Timeline } from './Timeline';

const POLL_MS = 1500;
const finished = (order?: Order) => order?.status === 'Confirmed' || order?.status === 'Cancelled';

/** The order with a live status (polled until it settles) and its event timeline. */
export function OrderDetails() {
  const { id = '' } = useParams();
  const state = useAsync(() => load(id), [id]);
  const [live, setLive] = useState<{ order: Order; events: OrderEvent[] }>();
  const [cancelError, setCancelError] = useState<unknown>();
  const current = live ?? state.data;

  usePolling(async () => setLive(await load(id)), POLL_MS, !!current && !finished(current.order));

  const cancel = async () => {
    setCancelError(undefined);
    try {
      await api.orders.cancel(id);
      setLive(await load(id));
    } catch (e) {
      setCancelError(e);
    }
  };

  return (
    <Loadable state={{ ...state, data: current }} label="Loading the order…">
      {({ order, events }) => (
        <>
          <PageHeader title={`Order #${order.id.slice(0, 8)}`} subtitle={`Placed ${new Date(order.createdAt).toLocaleString()}`}>
            <Link to="/account/orders">All orders</Link>
          </PageHeader>
          <div className="order-status-line card" aria-live="polite">
            <span>Status:</span> <StatusBadge status={order.status} />
            {!finished(order) && <span className="muted"><span className="spinner spinner-inline" aria-hidden="true" /> updating live…</span>}
            {(order.status === 'Pending' || order.status === 'StockReserved') &&
              <Button variant="secondary" onClick={cancel}>Cancel order</Button>}
          </div>
          {order.status === 'Confirmed' && <Alert kind="success">Thank you! Your order is confirmed and will ship soon.</Alert>}
          {order.status === 'Cancelled' && (
            <Alert kind="error"><strong>This order was cancelled.</strong>{' '}
              <span data-testid="failure-reason">Reason: {humanize(order.failureReason ?? 'unknown')}</span></Alert>
          )}
          {cancelError !== undefined && <ErrorMessage error={cancelError} title="Could not cancel" />}
          <Card title="Items">
            <table className="table">
              <thead><tr><th>Product</th><th>Quantity</th><th className="num">Total</th></tr></thead>
              <tbody>
                {order.items.map((item) => (
                  <tr key={item.productId}>
                    <td><Link to={`/products/${encodeURIComponent(item.productId)}`}>{item.name ?? item.productId}</Link></td>
                    <td>{item.quantity}</td>
                    <td className="num">{item.lineTotal !== undefined ? formatMoney(item.lineTotal, order.currency) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="summary"><span>Total</span><strong>{formatMoney(order.total, order.currency)}</strong></div>
          </Card>
          <Card title="What happened">
            <Timeline events={events} />
          </Card>
        </>
      )}
    </Loadable>
  );
}

async function load(id: string): Promise<{ order: Order; events: OrderEvent[] }> {
  const [order, events] = await Promise.all([api.orders.get(id), api.orders.history(id).catch(() => [])]);
  return { order, events };
}
