import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api, Button, emit, ErrorMessage, useSession } from '@shop/shared';

/** Adds to the signed-in shopper's cart and tells the shell (cart badge) through the 'shop:cart-changed' event. */
export function AddToCart({ productId, disabled }: { productId: string; disabled: boolean }) {
  const session = useSession();
  const location = useLocation();
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  if (!session) {
    return (
      <div className="details-actions">
        <Link className="btn btn-primary btn-lg" to={`/account/signin?returnTo=${encodeURIComponent(location.pathname)}`}>
          Sign in to add to cart
        </Link>
      </div>
    );
  }

  const add = async () => {
    setBusy(true);
    setError(undefined);
    try {
      // PUT sets the quantity: add to what is already there.
      const cart = await api.cart.get();
      const current = cart.items.find((item) => item.productId === productId)?.quantity ?? 0;
      const after = (await api.cart.setQuantity(productId, Math.min(99, current + quantity))) ?? (await api.cart.get());
      emit('shop:cart-changed', { count: after.items.reduce((sum, item) => sum + item.quantity, 0) });
      emit('shop:toast', { message: 'Added to your cart.', kind: 'success' });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="details-actions">
        <div className="field">
          <label htmlFor="quantity">Quantity</label>
          <input id="quantity" type="number" min={1} max={99} value={quantity}
            onChange={(e) => setQuantity(Math.max(1, Math.min(99, Number(e.target.value) || 1)))} />
        </div>
        <Button className="btn-lg" onClick={add} busy={busy} disabled={disabled}>Add to cart</Button>
      </div>
      {error !== undefined && <ErrorMessage error={error} title="Could not add to the cart" />}
    </>
  );
}
