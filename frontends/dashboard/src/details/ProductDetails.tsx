import { Link, useParams } from 'react-router';
import { api, ApiError, EmptyState, ErrorMessage, Price, ProductImage, Rating, Spinner, useAsync } from '@shop/shared';
import { AddToCart } from './AddToCart';

/** One product from the gateway's aggregated page: product, stock and trending rank in one call. */
export function ProductDetails() {
  const { id = '' } = useParams();
  const page = useAsync(() => api.products.page(id), [id]);

  if (page.error instanceof ApiError && page.error.status === 404) {
    return <EmptyState title="Product not found"><p><Link to="/products">Back to the shop</Link></p></EmptyState>;
  }
  if (page.error) return <ErrorMessage error={page.error} onRetry={page.reload} />;
  if (!page.data) return <Spinner label="Loading product…" />;
  const { product, availability, trendingRank } = page.data;
  if (!product) return <ErrorMessage error={new Error('The product is unavailable right now.')} onRetry={page.reload} />;

  return (
    <article className="details">
      <ProductImage product={product} size="large" />
      <div>
        <nav aria-label="Breadcrumb" className="muted">
          <Link to="/products">Shop</Link> › <Link to={`/products?category=${encodeURIComponent(product.category)}`}>{product.category}</Link>
        </nav>
        <p className="product-card-brand">{product.brand}</p>
        <h1>{product.name}</h1>
        <p>
          <Rating value={product.rating} />
          {trendingRank && <span className="badge badge-accent" style={{ marginLeft: '.5rem' }}>#{trendingRank} trending</span>}
        </p>
        <p data-testid="product-price"><Price amount={product.price} currency={product.currency} /></p>
        <p>
          {availability === null || availability === undefined
            ? <span className="muted">Stock information is unavailable right now.</span>
            : availability.available > 0
              ? <span className="stock-in">In stock ({availability.available} available)</span>
              : <span className="stock-out">Out of stock</span>}
        </p>
        <AddToCart productId={product.id} disabled={availability?.available === 0} />
        {product.description && <p>{product.description}</p>}
        <dl className="attributes">
          <dt>SKU</dt><dd>{product.sku}</dd>
          {Object.entries(product.attributes ?? {}).map(([key, value]) => (
            <div key={key} style={{ display: 'contents' }}><dt>{key}</dt><dd>{String(value)}</dd></div>
          ))}
        </dl>
      </div>
    </article>
  );
}
