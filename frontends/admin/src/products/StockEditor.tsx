import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, Button, Card, emit, ErrorMessage, Loadable, TextField, useAsync } from '@shop/shared';

/** Stock on hand for one product (reserved units are held by orders in flight and cannot be set here). */
export function StockEditor({ productId }: { productId: string }) {
  const stock = useAsync(() => api.inventory.get(productId).catch((e: unknown) => {
    if (e instanceof ApiError && e.status === 404) return { productId, onHand: 0, reserved: 0, available: 0 };
    throw e;
  }), [productId]);
  const [onHand, setOnHand] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  useEffect(() => { if (stock.data) setOnHand(String(stock.data.onHand)); }, [stock.data]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.inventory.set(productId, Number(onHand));
      emit('shop:toast', { message: 'Stock updated.', kind: 'success' });
      stock.reload();
    } catch (reason) {
      setError(reason as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Stock">
      <Loadable state={stock} label="Loading stock…">
        {(s) => (
          <form onSubmit={save}>
            <p className="muted">Reserved: {s.reserved} · Available: <strong data-testid="stock-available">{s.available}</strong></p>
            {error && <ErrorMessage error={error} title="Stock not saved" />}
            <div className="inline-form">
              <TextField label="On hand" type="number" min={0} required value={onHand} onChange={(e) => setOnHand(e.target.value)} />
              <Button type="submit" variant="secondary" busy={busy}>Update stock</Button>
            </div>
          </form>
        )}
      </Loadable>
    </Card>
  );
}
