import { formatMoney, type SearchResult } from '@shop/shared';

interface Props {
  facets: SearchResult['facets'];
  params: URLSearchParams;
  update: (changes: Record<string, string | null>) => void;
}

/** The search's facets: each value with its count; choosing one narrows the results, choosing it again clears it. */
export function Facets({ facets, params, update }: Props) {
  if (!facets) return <aside className="filters card" aria-label="Filters"><p className="muted">No filters for these results.</p></aside>;
  const range = (from: number | null, to: number | null) =>
    !from ? `Under ${formatMoney(to ?? 0)}` : to === null ? `${formatMoney(from)} and up` : `${formatMoney(from)} – ${formatMoney(to)}`;
  return (
    <aside className="filters card" aria-label="Filters">
      {(['categories', 'brands'] as const).map((kind) => {
        const key = kind === 'categories' ? 'category' : 'brand';
        const values = facets[kind] ?? [];
        if (values.length === 0) return null;
        return (
          <fieldset key={kind}>
            <legend>{kind === 'categories' ? 'Category' : 'Brand'}</legend>
            {values.slice(0, 12).map((f) => (
              <label key={f.value} className="facet">
                <input type="checkbox" checked={params.get(key) === f.value}
                  onChange={(e) => update({ [key]: e.target.checked ? f.value : null })} />
                {f.value}<span className="facet-count">{f.count}</span>
              </label>
            ))}
          </fieldset>
        );
      })}
      {(facets.priceRanges ?? []).length > 0 && (
        <fieldset>
          <legend>Price</legend>
          {(facets.priceRanges ?? []).map((r) => {
            const min = r.from === null ? null : String(r.from);
            const max = r.to === null ? null : String(r.to);
            const checked = params.get('minPrice') === min && params.get('maxPrice') === max;
            return (
              <label key={`${r.from}-${r.to}`} className="facet">
                <input type="checkbox" checked={checked}
                  onChange={(e) => update(e.target.checked ? { minPrice: min, maxPrice: max } : { minPrice: null, maxPrice: null })} />
                {range(r.from, r.to)}<span className="facet-count">{r.count}</span>
              </label>
            );
          })}
        </fieldset>
      )}
    </aside>
  );
}
