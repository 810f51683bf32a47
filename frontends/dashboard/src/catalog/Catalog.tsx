import { useSearchParams } from 'react-router';
import { api, Loadable, EmptyState, PageHeader, Pagination, ProductGrid, SelectField, useAsync, type ProductQuery } from '@shop/shared';
import { Filters } from './Filters';

const PAGE_SIZE = 24;
const sorts: { value: NonNullable<ProductQuery['sort']>; label: string }[] = [
  { value: 'newest', label: 'Newest' },
  { value: 'price_asc', label: 'Price: low to high' },
  { value: 'price_desc', label: 'Price: high to low' },
  { value: 'name', label: 'Name' },
];

/** The product list; every filter lives in the URL, so a filtered list can be shared and reloaded. */
export function Catalog() {
  const [params, setParams] = useSearchParams();
  const query: ProductQuery = {
    page: Number(params.get('page') ?? 1),
    pageSize: PAGE_SIZE,
    ...(params.get('category') ? { category: params.get('category')! } : {}),
    ...(params.get('brand') ? { brand: params.get('brand')! } : {}),
    ...(params.get('minPrice') ? { minPrice: Number(params.get('minPrice')) } : {}),
    ...(params.get('maxPrice') ? { maxPrice: Number(params.get('maxPrice')) } : {}),
    ...(params.get('sort') ? { sort: params.get('sort') as ProductQuery['sort'] } : {}),
  };
  const products = useAsync(() => api.products.list(query), [params.toString()]);
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value); else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  return (
    <>
      <PageHeader title={query.category ?? 'All products'} subtitle={products.data ? `${products.data.total} products` : undefined}>
        <SelectField label="Sort by" value={query.sort ?? 'newest'} onChange={(e) => update({ sort: e.target.value })}>
          {sorts.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </SelectField>
      </PageHeader>
      <div className="catalog">
        <Filters params={params} update={update} />
        <div>
          <Loadable state={products} label="Loading products…">
            {(page) => page.items.length === 0
              ? <EmptyState title="No products match these filters"><p>Try removing a filter.</p></EmptyState>
              : (
                <>
                  <ProductGrid products={page.items} />
                  <Pagination page={page.page} pageSize={page.pageSize} total={page.total} onPage={(p) => update({ page: String(p) })} />
                </>
              )}
          </Loadable>
        </div>
      </div>
    </>
  );
}
