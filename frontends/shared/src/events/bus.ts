// Cross-app messages as typed DOM CustomEvents on window: no app imports another app's internals, and a remote
// built and deployed on its own still hears the host (the contract is the event name and its detail type).

export interface ShopEvents {
  /** The cart's content changed (added, removed, checked out); count is the number of units in it. */
  'shop:cart-changed': { count: number };
  /** Someone signed in or out; user is null after signing out. */
  'shop:auth-changed': { user: { userId: string; email: string; name: string; role: string } | null };
  /** A short message for the shell's notification area. */
  'shop:toast': { message: string; kind: 'info' | 'success' | 'error' };
}

export type ShopEventName = keyof ShopEvents;

export function emit<K extends ShopEventName>(name: K, detail: ShopEvents[K]): void {
  window.dispatchEvent(new CustomEvent(name, { detail }));
}

/** Subscribes; returns the function that unsubscribes (handy as a useEffect cleanup). */
export function on<K extends ShopEventName>(name: K, handler: (detail: ShopEvents[K]) => void): () => void {
  const listener = (event: Event) => handler((event as CustomEvent<ShopEvents[K]>).detail);
  window.addEventListener(name, listener);
  return () => window.removeEventListener(name, listener);
}
