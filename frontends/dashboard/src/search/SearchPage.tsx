import { Link, useSearchParams } from 'react-router';
import { api, EmptyState, Loadable, PageHeader, Pagination, ProductGrid, useAsync } from '@shop/shared';
import { Facets } from './Facets';

const PAGE_SIZE = 24;

/** Results ranked by relevance, with facets to narrow them and a "did you mean" for typos. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const num = (key: string) => (params.get(key) ? Number(params.get(key)) : undefined);
  const results = useAsync(() => api.products.search({
    q,
    page: num('page') ?? 1,
    pageSize: PAGE_SIZE,
    ...(params.get('category') ? { category: params.get('category')! } : {}),
    ...(params.get('brand') ? { brand: params.get('brand')! } : {}),
    ...(num('minPrice') !== undefined ? { minPrice: num('minPrice')! } : {}),
    ...(num('maxPrice') !== undefined ? { maxPrice: num('maxPrice')! } : {}),
  }), [params.toString()]);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value); else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  if (!q) return <EmptyState title="Search the shop"><p>Type what you are looking for in the search box above.</p></EmptyState>;
  return (
    <>
      <PageHeader title={`Results for “${q}”`} subtitle={results.data ? `${results.data.total} products` : undefined} />
      <Loadable state={results} label="Searching…">
        {(result) => (
          <>
            {result.didYouMean && result.didYouMean.toLowerCase() !== q.toLowerCase() && (
              <p className="did-you-mean" data-testid="did-you-mean">
                Did you mean <Link to={`/search?q=${encodeURIComponent(result.didYouMean)}`}><strong>{result.didYouMean}</strong></Link>?
              </p>
            )}
            <div className="catalog">
              <Facets facets={result.facets} params={params} update={update} />
              <div>
                {result.items.length === 0
                  ? <EmptyState title="No products found"><p>Check the spelling or try a more general word.</p></EmptyState>
                  : <ProductGrid products={result.items} />}
                <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onPage={(p) => update({ page: String(p) })} />
              </div>
            </div>
          </>
        )}
      </Loadable>
    </>
  );
}
