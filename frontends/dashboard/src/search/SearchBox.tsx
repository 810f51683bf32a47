import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, useDebounced, type Suggestion } from '@shop/shared';

/**
 * The header's search with autocomplete, as an ARIA combobox: arrows move through suggestions, Enter opens the
 * highlighted one (or searches the text), Escape closes the list.
 */
export default function SearchBox() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useDebounced(text.trim(), 150);
  const listId = useId();

  useEffect(() => {
    if (!typed) { setSuggestions([]); return; }
    const controller = new AbortController();
    api.products.suggest(typed, controller.signal)
      .then((list) => { setSuggestions(list.slice(0, 10)); setActive(-1); })
      .catch(() => setSuggestions([]));
    return () => controller.abort();
  }, [typed]);

  const go = (choice?: Suggestion) => {
    setOpen(false);
    if (choice?.productId) { navigate(`/products/${encodeURIComponent(choice.productId)}`); return; }
    const q = (choice?.text ?? text).trim();
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); setActive((i) => Math.min(i + 1, suggestions.length - 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((i) => Math.max(i - 1, -1)); }
    else if (e.key === 'Escape') setOpen(false);
    else if (e.key === 'Enter') { e.preventDefault(); go(open && active >= 0 ? suggestions[active] : undefined); }
  };

  const showList = open && suggestions.length > 0;
  return (
    <form role="search" onSubmit={(e) => { e.preventDefault(); go(); }}>
      <label htmlFor={`${listId}-input`} className="sr-only">Search products</label>
      <input
        id={`${listId}-input`} type="search" className="search-input" placeholder="Search products, brands, categories"
        role="combobox" aria-expanded={showList} aria-controls={listId} aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        value={text} autoComplete="off"
        onChange={(e) => { setText(e.target.value); setOpen(true); }}
        onKeyDown={onKeyDown} onBlur={() => setTimeout(() => setOpen(false), 150)} onFocus={() => setOpen(true)}
      />
      {showList && (
        <ul id={listId} role="listbox" className="suggestions" aria-label="Suggestions">
          {suggestions.map((s, i) => (
            <li key={`${s.text}-${s.productId ?? i}`} id={`${listId}-${i}`} role="option" aria-selected={i === active}
              onMouseDown={(e) => { e.preventDefault(); go(s); }}>
              {s.text}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
