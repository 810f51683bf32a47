import { Link } from 'react-router';
import { api, Loadable, ProductGrid, useAsync, type ProductSummary } from '@shop/shared';

/** Trending products (by recent confirmed sales); before anything sold, the newest arrivals instead. */
async function loadShowcase(): Promise<{ title: string; products: ProductSummary[]; ranked: boolean }> {
  const trending = await api.products.trending(10).catch(() => []);
  if (trending.length > 0) return { title: 'Trending now', products: trending, ranked: true };
  const newest = await api.products.list({ sort: 'newest', pageSize: 10 });
  return { title: 'New arrivals', products: newest.items, ranked: false };
}

export function Home() {
  const showcase = useAsync(() => loadShowcase(), []);
  const categories = useAsync(() => api.products.categories(), []);
  return (
    <>
      <section className="hero">
        <h1>Everything you need, delivered fast.</h1>
        <p>Thousands of products from the brands you love. Free returns within 30 days.</p>
        <Link to="/products" className="btn btn-secondary btn-lg">Shop all products</Link>
      </section>
      {categories.data && categories.data.length > 0 && (
        <nav aria-label="Categories" className="chips">
          {categories.data.map((c) => (
            <Link key={c.name} className="chip" to={`/products?category=${encodeURIComponent(c.name)}`}>{c.name}</Link>
          ))}
        </nav>
      )}
      <Loadable state={showcase} label="Loading products…">
        {({ title, products, ranked }) => (
          <section aria-labelledby="showcase-title">
            <div className="section-title">
              <h2 id="showcase-title">{title}</h2>
              <Link to="/products">See all</Link>
            </div>
            <ProductGrid products={products} {...(ranked ? { badges: (_p: ProductSummary, i: number) => `#${i + 1}` } : {})} />
          </section>
        )}
      </Loadable>
    </>
  );
}
