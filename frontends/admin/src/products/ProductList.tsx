import { useState } from 'react';
import { Link } from 'react-router';
import { api, formatMoney, Loadable, PageHeader, Pagination, useAsync, useDebounced } from '@shop/shared';

const PAGE_SIZE = 25;

/** Every product, newest first, or the ones matching a search. */
export function ProductList() {
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const q = useDebounced(text.trim(), 250);
  const products = useAsync(
    () => (q ? api.products.search({ q, page, pageSize: PAGE_SIZE }) : api.products.list({ page, pageSize: PAGE_SIZE, sort: 'newest' })),
    [q, page],
  );
  return (
    <>
      <PageHeader title="Products">
        <Link className="btn btn-primary" to="/admin/products/new">New product</Link>
      </PageHeader>
      <div className="field">
        <label htmlFor="admin-product-search">Find a product</label>
        <input id="admin-product-search" type="search" value={text} placeholder="Name, brand or SKU"
          onChange={(e) => { setText(e.target.value); setPage(1); }} />
      </div>
      <Loadable state={products} label="Loading products…">
        {(result) => (
          <section className="card table-wrap">
            <table className="table">
              <thead><tr><th>Name</th><th>SKU</th><th>Brand</th><th>Category</th><th className="num">Price</th></tr></thead>
              <tbody>
                {result.items.map((p) => (
                  <tr key={p.id}>
                    <td><Link to={`/admin/products/${encodeURIComponent(p.id)}`}>{p.name}</Link></td>
                    <td><code>{p.sku}</code></td>
                    <td>{p.brand}</td>
                    <td>{p.category}</td>
                    <td className="num">{formatMoney(p.price, p.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onPage={setPage} />
          </section>
        )}
      </Loadable>
    </>
  );
}
