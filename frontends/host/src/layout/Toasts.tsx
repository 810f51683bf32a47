import { useEffect, useState } from 'react';
import { on, type ShopEvents } from '@shop/shared';

type Toast = ShopEvents['shop:toast'] & { id: number };

/** Short notices any app can raise with the 'shop:toast' event; each fades after a few seconds. */
export function Toasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  useEffect(() => on('shop:toast', (toast) => {
    const id = Date.now() + Math.random();
    setToasts((all) => [...all, { ...toast, id }]);
    setTimeout(() => setToasts((all) => all.filter((t) => t.id !== id)), 4000);
  }), []);
  return (
    <div className="toasts" aria-live="polite" role="status">
      {toasts.map((t) => <div key={t.id} className={`toast toast-${t.kind}`}>{t.message}</div>)}
    </div>
  );
}
