// Screenshots of the Aspire dashboard for docs/orchestration.md, taken in headless Chromium against a running
// system (./run.sh): the resource list, and the trace of one checkout made here through the gateway.
//   node capture.mjs <dashboard login URL> [shop URL, default http://localhost:8080] [output folder]
import { chromium } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';

const [login, shop = 'http://localhost:8080', out = '../../docs/images'] = process.argv.slice(2);
if (!login) {
  console.error('usage: node capture.mjs <dashboard login URL> [shop URL] [output folder]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

async function api(method, path, { token, body, headers = {}, form } = {}) {
  const response = await fetch(new URL(path, shop), {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: form ? new URLSearchParams(form) : body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

// One checkout, its trace id chosen here (W3C traceparent) so the dashboard can be opened on exactly that trace.
const email = `screenshot-${Date.now()}@shop.local`;
await api('POST', '/api/auth/register', { body: { email, password: 'Passw0rd!', name: 'Screenshot' } });
const { access_token: token } = await api('POST', '/api/auth/token', { form: { grant_type: 'password', username: email, password: 'Passw0rd!' } });
const { items } = await api('GET', '/api/products?page=1&pageSize=5');
await api('PUT', `/api/cart/items/${items[0].id}`, { token, body: { quantity: 1 } });
const traceId = randomBytes(16).toString('hex');
const { orderId } = await api('POST', '/api/orders/checkout', {
  token,
  headers: { 'idempotency-key': crypto.randomUUID(), traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
  body: {
    shippingAddress: { name: 'Screenshot', line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
    payment: { cardToken: 'tok_visa' },
  },
});
for (let i = 0; i < 60; i++) {
  const order = await api('GET', `/api/orders/${orderId}`, { token });
  if (['Confirmed', 'Cancelled'].includes(order.status)) { console.log(`order ${orderId}: ${order.status}, trace ${traceId}`); break; }
  await new Promise(r => setTimeout(r, 500));
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1180 } });
  await page.goto(login);
  await page.waitForURL(url => !url.pathname.startsWith('/login'));
  await page.goto(new URL('/', login).href);
  await page.getByText('gateway', { exact: true }).first().waitFor();
  await page.waitForTimeout(1500); // the grid fills row by row over its live connection
  // This machine has no developer certificate (the http profile needs none): close the dashboard's banner about it.
  const banner = page.getByRole('button', { name: /close|dismiss/i }).first();
  if (await banner.isVisible().catch(() => false)) await banner.click();
  await page.screenshot({ path: `${out}/dashboard-resources.png` });

  // Spans keep arriving from the RabbitMQ hops for a moment after the order is decided.
  const trace = new URL(`/traces/detail/${traceId}`, login).href;
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.goto(trace);
    await page.waitForTimeout(1500);
    const text = await page.textContent('body');
    if (['order', 'inventory', 'payment'].every(s => text.includes(s))) break;
  }
  await page.setViewportSize({ width: 1600, height: 2400 }); // every span row, not just the first screen
  await page.screenshot({ path: `${out}/dashboard-checkout-trace.png`, fullPage: true });
  console.log(`screenshots in ${out}: dashboard-resources.png, dashboard-checkout-trace.png`);
} finally {
  await browser.close();
}
