import { useState } from 'react';
import { Link } from 'react-router';
import type { ProductSummary } from '../api/types';
import { formatMoney } from './format';

const palette = ['#4f46e5', '#0891b2', '#059669', '#d97706', '#db2777', '#7c3aed', '#dc2626', '#2563eb'];

function hue(text: string): string {
  let sum = 0;
  for (const char of text) sum = (sum * 31 + char.charCodeAt(0)) >>> 0;
  return palette[sum % palette.length] ?? '#4f46e5';
}

/** The product's picture, or a tile in its category's colour when there is none (or it does not load). */
export function ProductImage({ product, size = 'card' }: { product: Pick<ProductSummary, 'name' | 'category' | 'imageUrl'>; size?: 'card' | 'large' }) {
  const [failed, setFailed] = useState(false);
  if (product.imageUrl && !failed) {
    return <img className={`product-image product-image-${size}`} src={product.imageUrl} alt={product.name}
      loading="lazy" onError={() => setFailed(true)} />;
  }
  const initials = product.name.split(/\s+/).slice(0, 2).map((w) => w.charAt(0)).join('').toUpperCase();
  return (
    <div className={`product-image product-image-${size} product-image-placeholder`} role="img" aria-label={product.name}
      style={{ background: `linear-gradient(135deg, ${hue(product.category)}, ${hue(product.category + 'x')})` }}>
      <span aria-hidden="true">{initials}</span>
    </div>
  );
}

export function Rating({ value }: { value?: number | null | undefined }) {
  if (value === undefined || value === null) return null;
  const rounded = Math.round(value * 10) / 10;
  return <span className="rating" aria-label={`Rated ${rounded} out of 5`}>★ {rounded.toFixed(1)}</span>;
}

export function Price({ amount, currency }: { amount: number; currency?: string | undefined }) {
  return <span className="price">{formatMoney(amount, currency)}</span>;
}

export function ProductCard({ product, badge }: { product: ProductSummary; badge?: string }) {
  return (
    <article className="product-card" data-product-id={product.id}>
      <Link to={`/products/${encodeURIComponent(product.id)}`} className="product-card-link">
        <ProductImage product={product} />
        {badge && <span className="badge badge-accent product-card-badge">{badge}</span>}
        <div className="product-card-body">
          <span className="product-card-brand">{product.brand}</span>
          <h3 className="product-card-name">{product.name}</h3>
          <div className="product-card-meta">
            <Price amount={product.price} currency={product.currency} />
            <Rating value={product.rating} />
          </div>
        </div>
      </Link>
    </article>
  );
}

export function ProductGrid({ products, badges }: { products: ProductSummary[]; badges?: (p: ProductSummary, i: number) => string | undefined }) {
  return (
    <div className="product-grid">
      {products.map((product, index) => {
        const badge = badges?.(product, index);
        return <ProductCard key={product.id} product={product} {...(badge ? { badge } : {})} />;
      })}
    </div>
  );
}
