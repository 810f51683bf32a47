import { useNavigate } from 'react-router';

/** The header's search when the storefront remote (and its autocomplete) is not available: a plain form. */
export function PlainSearch() {
  const navigate = useNavigate();
  return (
    <form role="search" onSubmit={(e) => {
      e.preventDefault();
      const q = new FormData(e.currentTarget).get('q')?.toString().trim();
      if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
    }}>
      <label htmlFor="plain-search" className="sr-only">Search products</label>
      <input id="plain-search" name="q" type="search" className="search-input" placeholder="Search products" />
    </form>
  );
}
