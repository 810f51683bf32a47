import { Link } from 'react-router';
import { api, EmptyState, formatDate, formatMoney, itemsOf, Loadable, PageHeader, StatusBadge, useAsync } from '@shop/shared';

export function OrderList() {
  const orders = useAsync(async () => itemsOf(await api.orders.mine()), []);
  return (
    <>
      <PageHeader title="Your orders" />
      <Loadable state={orders} label="Loading your orders…">
        {(list) => list.length === 0
          ? <EmptyState title="No orders yet"><p><Link className="btn btn-primary" to="/products">Start shopping</Link></p></EmptyState>
          : (
            <section className="card table-wrap">
              <table className="table">
                <caption className="sr-only">Your orders, newest first</caption>
                <thead><tr><th>Order</th><th>Placed</th><th>Status</th><th className="num">Total</th></tr></thead>
                <tbody>
                  {list.map((o) => (
                    <tr key={o.id}>
                      <td><Link to={`/account/orders/${encodeURIComponent(o.id)}`}>#{o.id.slice(0, 8)}</Link></td>
                      <td>{formatDate(o.createdAt)}</td>
                      <td><StatusBadge status={o.status} /></td>
                      <td className="num">{formatMoney(o.total, o.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
      </Loadable>
    </>
  );
}
