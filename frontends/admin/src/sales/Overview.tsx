import { useState } from 'react';
import { api, Card, EmptyState, formatMoney, Loadable, PageHeader, SelectField, useAsync } from '@shop/shared';
import { SalesChart } from './SalesChart';
import { fillBuckets } from './fillBuckets';

const ranges = { hour: 24 * 3600_000, day: 30 * 24 * 3600_000 } as const;

export function Overview() {
  const [interval, setInterval] = useState<'hour' | 'day'>('hour');
  const sales = useAsync(() => {
    const to = new Date();
    const from = new Date(to.getTime() - ranges[interval]);
    return api.admin.sales({ from: from.toISOString(), to: to.toISOString(), interval })
      .then((buckets) => fillBuckets(buckets, from, to, interval));
  }, [interval]);
  return (
    <>
      <PageHeader title="Overview" subtitle={interval === 'hour' ? 'Last 24 hours' : 'Last 30 days'}>
        <SelectField label="Group by" value={interval} onChange={(e) => setInterval(e.target.value as 'hour' | 'day')}>
          <option value="hour">Hour</option>
          <option value="day">Day</option>
        </SelectField>
      </PageHeader>
      <Loadable state={sales} label="Loading sales…">
        {(buckets) => {
          const revenue = buckets.reduce((s, b) => s + b.revenue, 0);
          const orders = buckets.reduce((s, b) => s + b.orders, 0);
          return (
            <>
              <div className="stats">
                <div className="stat"><span className="muted">Revenue</span><strong>{formatMoney(revenue)}</strong></div>
                <div className="stat"><span className="muted">Confirmed orders</span><strong>{orders}</strong></div>
                <div className="stat"><span className="muted">Average order</span><strong>{formatMoney(orders ? revenue / orders : 0)}</strong></div>
              </div>
              <Card title="Sales">
                {orders === 0 ? <EmptyState title="No sales in this period" /> : <SalesChart buckets={buckets} interval={interval} />}
              </Card>
            </>
          );
        }}
      </Loadable>
    </>
  );
}
