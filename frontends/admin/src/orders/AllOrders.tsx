import { useState } from 'react';
import { api, EmptyState, formatDate, formatMoney, Loadable, PageHeader, Pagination, SelectField, StatusBadge, useAsync, type OrderStatus } from '@shop/shared';

const PAGE_SIZE = 25;
const statuses: OrderStatus[] = ['Pending', 'StockReserved', 'Confirmed', 'Cancelled'];

export function AllOrders() {
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [page, setPage] = useState(1);
  const orders = useAsync(() => api.admin.orders({ page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) }), [status, page]);
  return (
    <>
      <PageHeader title="All orders">
        <SelectField label="Status" value={status} onChange={(e) => { setStatus(e.target.value as OrderStatus | ''); setPage(1); }}>
          <option value="">Any</option>
          {statuses.map((s) => <option key={s} value={s}>{s}</option>)}
        </SelectField>
      </PageHeader>
      <Loadable state={orders} label="Loading orders…">
        {(result) => {
          const list = result.items;
          if (list.length === 0) return <EmptyState title="No orders" />;
          return (
            <section className="card table-wrap">
              <table className="table">
                <thead><tr><th>Order</th><th>Placed</th><th>Status</th><th>Reason</th><th className="num">Total</th></tr></thead>
                <tbody>
                  {list.map((o) => (
                    <tr key={o.id}>
                      <td><code>{o.id.slice(0, 8)}</code></td>
                      <td>{formatDate(o.createdAt)}</td>
                      <td><StatusBadge status={o.status} /></td>
                      <td>{o.failureReason ?? ''}</td>
                      <td className="num">{formatMoney(o.total, o.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onPage={setPage} />
            </section>
          );
        }}
      </Loadable>
    </>
  );
}
