import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  api, ApiError, Button, emit, EmptyState, ErrorMessage, formatMoney, Loadable, newIdempotencyKey, PageHeader, TextField,
  useAsync, useSession, type ShippingAddress,
} from '@shop/shared';
import { testCards } from './testCards';

export function Checkout() {
  const session = useSession();
  const navigate = useNavigate();
  const cart = useAsync(() => api.cart.get(), []);
  const [address, setAddress] = useState<ShippingAddress>({
    name: session?.user.name ?? '', line1: '', city: '', postalCode: '', country: 'US',
  });
  const [card, setCard] = useState<string>('tok_visa');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  // One key per attempt: pressing "Place order" again after a network failure cannot order twice.
  const key = useRef(newIdempotencyKey());
  const set = (field: keyof ShippingAddress) => (e: { target: { value: string } }) => setAddress({ ...address, [field]: e.target.value });
  const fieldError = (field: string) =>
    error instanceof ApiError ? error.fieldErrors(`shippingAddress.${field}`)[0] ?? error.fieldErrors(field)[0] : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const accepted = await api.orders.checkout({ shippingAddress: address, payment: { cardToken: card } }, key.current);
      emit('shop:cart-changed', { count: 0 });
      navigate(`/account/orders/${encodeURIComponent(accepted.orderId)}`);
    } catch (reason) {
      if (reason instanceof ApiError && reason.status < 500) key.current = newIdempotencyKey();
      setError(reason as Error);
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="Checkout" />
      <Loadable state={cart} label="Loading your cart…">
        {(c) => c.items.length === 0 ? (
          <EmptyState title="Your cart is empty"><p><Link to="/products">Find something you like</Link></p></EmptyState>
        ) : (
          <form className="checkout" onSubmit={submit}>
            <div>
              {error && <ErrorMessage error={error} title="The order was not placed" />}
              <fieldset className="card">
                <legend><h2>Shipping address</h2></legend>
                <TextField label="Full name" autoComplete="name" required value={address.name} onChange={set('name')} error={fieldError('name')} />
                <TextField label="Address" autoComplete="address-line1" required value={address.line1} onChange={set('line1')} error={fieldError('line1')} />
                <div className="form-row">
                  <TextField label="City" autoComplete="address-level2" required value={address.city} onChange={set('city')} error={fieldError('city')} />
                  <TextField label="Postal code" autoComplete="postal-code" required value={address.postalCode} onChange={set('postalCode')} error={fieldError('postalCode')} />
                  <TextField label="Country" autoComplete="country" required maxLength={2} hint="Two-letter code, e.g. US" value={address.country} onChange={set('country')} error={fieldError('country')} />
                </div>
              </fieldset>
              <fieldset className="card">
                <legend><h2>Payment</h2></legend>
                <p className="muted">Test cards of the simulated payment processor.</p>
                <div className="cards">
                  {testCards.map((t) => (
                    <label key={t.token} className="card-option">
                      <input type="radio" name="card" value={t.token} checked={card === t.token} onChange={() => setCard(t.token)} />
                      <span><strong>{t.label}</strong> <code>{t.token}</code> <span className="muted">({t.outcome})</span></span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </div>
            <aside className="card">
              <h2>Order summary</h2>
              <ul className="muted" style={{ paddingLeft: '1.1rem' }}>
                {c.items.map((item) => <li key={item.productId}>{item.quantity} × {item.name}</li>)}
              </ul>
              <div className="summary"><span>Total</span><strong>{formatMoney(c.total, c.currency)}</strong></div>
              <Button type="submit" busy={busy} className="btn-lg" style={{ width: '100%', marginTop: '1rem' }}>Place order</Button>
            </aside>
          </form>
        )}
      </Loadable>
    </>
  );
}
