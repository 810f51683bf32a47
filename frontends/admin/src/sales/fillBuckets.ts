import type { SalesBucket } from '@shop/shared';

const step = { hour: 3600_000, day: 24 * 3600_000 } as const;

/** The analytics endpoint answers only buckets with sales; the chart wants every bucket of the range, empty ones as 0. */
export function fillBuckets(buckets: SalesBucket[], from: Date, to: Date, interval: 'hour' | 'day'): SalesBucket[] {
  const size = step[interval];
  const byStart = new Map(buckets.map((b) => [Math.floor(new Date(b.bucket).getTime() / size) * size, b]));
  const filled: SalesBucket[] = [];
  for (let t = Math.floor(from.getTime() / size) * size; t < to.getTime(); t += size) {
    filled.push(byStart.get(t) ?? { bucket: new Date(t).toISOString(), orders: 0, revenue: 0 });
  }
  return filled;
}
