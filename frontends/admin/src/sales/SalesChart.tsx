import { formatMoney, type SalesBucket } from '@shop/shared';

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { top: 16, right: 12, bottom: 36, left: 64 };

/** Revenue per bucket as bars, in plain SVG (no chart library); each bar has a title for hover and screen readers. */
export function SalesChart({ buckets, interval }: { buckets: SalesBucket[]; interval: 'hour' | 'day' }) {
  const max = Math.max(1, ...buckets.map((b) => b.revenue));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const step = innerW / Math.max(1, buckets.length);
  const barW = Math.min(40, Math.max(2, step * 0.7));
  const label = (iso: string) => {
    const d = new Date(iso);
    return interval === 'hour' ? d.toLocaleTimeString('en-US', { hour: 'numeric' }) : d.toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
  };
  const every = Math.ceil(buckets.length / 8);
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Revenue per ${interval}`} data-testid="sales-chart">
      {[0, 0.5, 1].map((f) => {
        const y = PAD.top + innerH * (1 - f);
        return (
          <g key={f}>
            <line className="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} />
            <text x={PAD.left - 8} y={y + 4} textAnchor="end">{formatMoney(max * f)}</text>
          </g>
        );
      })}
      {buckets.map((b, i) => {
        const h = (b.revenue / max) * innerH;
        const x = PAD.left + i * step + (step - barW) / 2;
        return (
          <g key={b.bucket}>
            <rect className="bar" x={x} y={PAD.top + innerH - h} width={barW} height={h} rx={2}>
              <title>{`${label(b.bucket)}: ${formatMoney(b.revenue)} from ${b.orders} orders`}</title>
            </rect>
            {i % every === 0 && <text x={x + barW / 2} y={HEIGHT - PAD.bottom + 16} textAnchor="middle">{label(b.bucket)}</text>}
          </g>
        );
      })}
    </svg>
  );
}
