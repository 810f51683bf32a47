import { useState } from 'react';
import { api, Button, TextField, useAsync } from '@shop/shared';

interface Props {
  params: URLSearchParams;
  update: (changes: Record<string, string | null>) => void;
}

/** Category facet (with counts) and a price range. */
export function Filters({ params, update }: Props) {
  const categories = useAsync(() => api.products.categories(), []);
  const selected = params.get('category');
  const [min, setMin] = useState(params.get('minPrice') ?? '');
  const [max, setMax] = useState(params.get('maxPrice') ?? '');
  return (
    <aside className="filters card" aria-label="Filters">
      <fieldset>
        <legend>Category</legend>
        <label className="facet">
          <input type="radio" name="category" checked={!selected} onChange={() => update({ category: null })} />
          All
        </label>
        {(categories.data ?? []).map((c) => (
          <label key={c.name} className="facet">
            <input type="radio" name="category" checked={selected === c.name} onChange={() => update({ category: c.name })} />
            {c.name}<span className="facet-count">{c.count}</span>
          </label>
        ))}
        {categories.error && <p className="field-error">Categories are unavailable.</p>}
      </fieldset>
      <form onSubmit={(e) => { e.preventDefault(); update({ minPrice: min || null, maxPrice: max || null }); }}>
        <fieldset>
          <legend>Price</legend>
          <div className="form-row">
            <TextField label="Min" type="number" min={0} inputMode="decimal" value={min} onChange={(e) => setMin(e.target.value)} />
            <TextField label="Max" type="number" min={0} inputMode="decimal" value={max} onChange={(e) => setMax(e.target.value)} />
          </div>
          <Button type="submit" variant="secondary">Apply</Button>
        </fieldset>
      </form>
    </aside>
  );
}
