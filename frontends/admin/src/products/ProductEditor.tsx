import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, Button, Card, emit, ErrorMessage, PageHeader, Spinner, TextField, useAsync, type ProductInput } from '@shop/shared';
import { StockEditor } from './StockEditor';

const blank: ProductInput = { sku: '', name: '', description: '', brand: '', category: '', price: 0, currency: 'USD', imageUrl: '' };

/** Creates a product (no id in the route) or edits one; deleting asks first. */
export function ProductEditor() {
  const { id } = useParams();
  const navigate = useNavigate();
  const existing = useAsync(async () => (id ? api.products.get(id) : undefined), [id]);
  const [form, setForm] = useState<ProductInput>(blank);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  useEffect(() => {
    const p = existing.data;
    if (p) setForm({ sku: p.sku, name: p.name, description: p.description ?? '', brand: p.brand, category: p.category, price: p.price, currency: p.currency, imageUrl: p.imageUrl ?? '' });
  }, [existing.data]);

  if (id && existing.error) return <ErrorMessage error={existing.error} onRetry={existing.reload} />;
  if (id && !existing.data) return <Spinner label="Loading product…" />;

  const set = (key: keyof ProductInput) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: key === 'price' ? Number(e.target.value) : e.target.value });
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldErrors(field)[0] : undefined);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      // PUT replaces the product: what this form does not edit (rating, attributes) goes back as it was.
      const body: ProductInput = {
        ...form, imageUrl: form.imageUrl || null,
        rating: existing.data?.rating ?? null, attributes: existing.data?.attributes ?? null,
      };
      if (id) {
        await api.products.update(id, body);
        emit('shop:toast', { message: 'Product saved.', kind: 'success' });
        existing.reload();
      } else {
        const created = await api.products.create(body);
        emit('shop:toast', { message: 'Product created.', kind: 'success' });
        navigate(`/admin/products/${encodeURIComponent(created.id)}`, { replace: true });
      }
    } catch (reason) {
      setError(reason as Error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!id || !window.confirm(`Delete “${form.name}”? This cannot be undone.`)) return;
    try {
      await api.products.remove(id);
      emit('shop:toast', { message: 'Product deleted.', kind: 'info' });
      navigate('/admin/products');
    } catch (reason) {
      setError(reason as Error);
    }
  };

  return (
    <>
      <PageHeader title={id ? `Edit ${existing.data?.name ?? 'product'}` : 'New product'}>
        {id && <Button variant="danger" onClick={remove}>Delete product</Button>}
      </PageHeader>
      {error && <ErrorMessage error={error} title="Not saved" />}
      <Card>
        <form onSubmit={save}>
          <div className="form-row">
            <TextField label="Name" required value={form.name} onChange={set('name')} error={fieldError('name')} />
            <TextField label="SKU" required value={form.sku} onChange={set('sku')} error={fieldError('sku')} />
          </div>
          <div className="form-row">
            <TextField label="Brand" required value={form.brand} onChange={set('brand')} error={fieldError('brand')} />
            <TextField label="Category" required value={form.category} onChange={set('category')} error={fieldError('category')} />
          </div>
          <div className="form-row">
            <TextField label="Price" type="number" step="0.01" min={0} required value={String(form.price)} onChange={set('price')} error={fieldError('price')} />
            <TextField label="Currency" required maxLength={3} value={form.currency} onChange={set('currency')} error={fieldError('currency')} />
          </div>
          <TextField label="Image URL" type="url" value={form.imageUrl ?? ''} onChange={set('imageUrl')} error={fieldError('imageUrl')} />
          <div className="field">
            <label htmlFor="description">Description</label>
            <textarea id="description" rows={4} value={form.description} onChange={set('description')} />
          </div>
          <Button type="submit" busy={busy}>{id ? 'Save changes' : 'Create product'}</Button>
        </form>
      </Card>
      {id && <StockEditor productId={id} />}
    </>
  );
}
