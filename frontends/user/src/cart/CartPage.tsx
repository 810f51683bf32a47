import { Link } from 'react-router';
import { api, Button, emit, EmptyState, ErrorMessage, formatMoney, Loadable, PageHeader, useAsync, type Cart } from '@shop/shared';
import { useState } from 'react';

const units = (cart: Cart) => cart.items.reduce((sum, item) => sum + item.quantity, 0);

export function CartPage() {
  const cart = useAsync(() => api.cart.get(), []);
  const [error, setError] = useState<unknown>();
  const change = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
      const next = await api.cart.get();
      emit('shop:cart-changed', { count: units(next) });
      cart.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <PageHeader title="Your cart" />
      {error !== undefined && <ErrorMessage error={error} title="Could not update the cart" />}
      <Loadable state={cart} label="Loading your cart…">
        {(c) => c.items.length === 0
          ? <EmptyState title="Your cart is empty"><p><Link className="btn btn-primary" to="/products">Start shopping</Link></p></EmptyState>
          : (
            <section className="card">
              <div className="table-wrap">
                <table className="table">
                  <caption className="sr-only">Items in your cart</caption>
                  <thead><tr><th>Product</th><th className="num">Price</th><th>Quantity</th><th className="num">Total</th><th><span className="sr-only">Actions</span></th></tr></thead>
                  <tbody>
                    {c.items.map((item) => (
                      <tr key={item.productId}>
                        <td><Link to={`/products/${encodeURIComponent(item.productId)}`}>{item.name}</Link></td>
                        <td className="num">{formatMoney(item.unitPrice, c.currency)}</td>
                        <td>
                          <label className="sr-only" htmlFor={`qty-${item.productId}`}>Quantity of {item.name}</label>
                          <input id={`qty-${item.productId}`} className="qty" type="number" min={1} max={99} defaultValue={item.quantity}
                            onBlur={(e) => {
                              const next = Math.max(1, Math.min(99, Number(e.target.value) || 1));
                              if (next !== item.quantity) void change(() => api.cart.setQuantity(item.productId, next));
                            }} />
                        </td>
                        <td className="num">{formatMoney(item.lineTotal, c.currency)}</td>
                        <td><Button variant="ghost" onClick={() => change(() => api.cart.remove(item.productId))}>Remove<span className="sr-only"> {item.name}</span></Button></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="summary">
                <span>Total: <strong data-testid="cart-total">{formatMoney(c.total, c.currency)}</strong></span>
                <Link className="btn btn-primary btn-lg" to="/account/checkout">Checkout</Link>
              </div>
            </section>
          )}
      </Loadable>
    </>
  );
}
