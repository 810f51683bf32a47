import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, CartIcon, on, useSession } from '@shop/shared';

/** The cart badge: loads the count on sign-in and follows the "cart changed" events any remote sends. */
export function CartLink() {
  const session = useSession();
  const [count, setCount] = useState(0);
  const userId = session?.user.userId;

  useEffect(() => {
    if (!userId) { setCount(0); return; }
    let live = true;
    api.cart.get()
      .then((cart) => { if (live) setCount(cart.items.reduce((sum, item) => sum + item.quantity, 0)); })
      .catch(() => { if (live) setCount(0); });
    return () => { live = false; };
  }, [userId]);

  useEffect(() => on('shop:cart-changed', ({ count: next }) => setCount(next)), []);

  return (
    <Link to="/account/cart" className="cart-link" aria-label={`Cart, ${count} item${count === 1 ? '' : 's'}`}>
      <CartIcon /> Cart<span className="cart-count" data-testid="cart-count">{count}</span>
    </Link>
  );
}
