import { query, request } from './http';
import type {
  Cart, Category, CheckoutAccepted, CheckoutRequest, Me, Order, OrderEvent, OrderStatus, Page, Product,
  ProductInput, ProductPage, ProductSummary, SalesBucket, SearchResult, Stock, Suggestion, TokenResponse, TrendingEntry,
} from './types';

export interface ProductQuery {
  page?: number;
  pageSize?: number;
  category?: string;
  brand?: string;
  minPrice?: number;
  maxPrice?: number;
  sort?: 'price_asc' | 'price_desc' | 'name' | 'newest';
}

export interface SearchQuery extends Omit<ProductQuery, 'sort'> {
  q: string;
}

const id = (value: string) => encodeURIComponent(value);

/** The typed client for the public API behind the gateway; one function per endpoint. */
export const api = {
  auth: {
    register: (body: { email: string; password: string; name: string }) =>
      request<{ userId: string }>('/api/auth/register', { method: 'POST', body, anonymous: true }),
    password: (username: string, password: string, clientId: string) =>
      request<TokenResponse>('/api/auth/token', {
        method: 'POST', anonymous: true,
        form: { grant_type: 'password', username, password, client_id: clientId },
      }),
    refresh: (refreshToken: string, clientId: string) =>
      request<TokenResponse>('/api/auth/token', {
        method: 'POST', anonymous: true,
        form: { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId },
      }),
    revoke: (token: string) => request<void>('/api/auth/revoke', { method: 'POST', anonymous: true, form: { token } }),
    me: () => request<Me>('/api/auth/me'),
  },
  products: {
    list: (q: ProductQuery = {}) => request<Page<ProductSummary>>(`/api/products${query({ ...q })}`),
    get: (productId: string) => request<Product>(`/api/products/${id(productId)}`),
    page: (productId: string) => request<ProductPage>(`/api/products/${id(productId)}/page`),
    search: (q: SearchQuery) => request<SearchResult>(`/api/products/search${query({ ...q })}`),
    suggest: (q: string, signal?: AbortSignal) =>
      request<Suggestion[]>(`/api/products/suggest${query({ q })}`, signal ? { signal } : {}),
    categories: () => request<Category[]>('/api/products/categories'),
    trending: async (limit = 8): Promise<ProductSummary[]> =>
      (await request<TrendingEntry[]>(`/api/products/trending${query({ limit })}`))
        .map(({ productId, score: _score, ...rest }) => ({ ...rest, id: productId, sku: '' })),
    create: (body: ProductInput) => request<Product>('/api/products', { method: 'POST', body }),
    update: (productId: string, body: ProductInput) =>
      request<Product>(`/api/products/${id(productId)}`, { method: 'PUT', body }),
    remove: (productId: string) => request<void>(`/api/products/${id(productId)}`, { method: 'DELETE' }),
  },
  cart: {
    get: () => request<Cart>('/api/cart'),
    setQuantity: (productId: string, quantity: number) =>
      request<Cart | undefined>(`/api/cart/items/${id(productId)}`, { method: 'PUT', body: { quantity } }),
    remove: (productId: string) => request<void>(`/api/cart/items/${id(productId)}`, { method: 'DELETE' }),
    clear: () => request<void>('/api/cart', { method: 'DELETE' }),
  },
  orders: {
    checkout: (body: CheckoutRequest, idempotencyKey: string) =>
      request<CheckoutAccepted>('/api/orders/checkout', {
        method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey },
      }),
    mine: () => request<Order[] | Page<Order>>('/api/orders'),
    get: (orderId: string) => request<Order>(`/api/orders/${id(orderId)}`),
    history: (orderId: string) => request<OrderEvent[]>(`/api/orders/${id(orderId)}/history`),
    cancel: (orderId: string) => request<Order | undefined>(`/api/orders/${id(orderId)}/cancel`, { method: 'POST' }),
  },
  inventory: {
    get: (productId: string) => request<Stock>(`/api/inventory/${id(productId)}`),
    set: (productId: string, onHand: number) =>
      request<Stock | undefined>(`/api/inventory/${id(productId)}`, { method: 'PUT', body: { onHand } }),
  },
  admin: {
    orders: (q: { status?: OrderStatus; page?: number; pageSize?: number } = {}) =>
      request<Page<Order>>(`/api/admin/orders${query({ ...q })}`),
    sales: (q: { from?: string; to?: string; interval?: 'hour' | 'day' } = {}) =>
      request<SalesBucket[]>(`/api/admin/analytics/sales${query({ ...q })}`),
    /** The remotes manifest (./frontends.sh writes it; the host reads it on every page load). */
    releases: () => request<ReleasesManifest | undefined>('/releases/manifest.json', { anonymous: true }).catch(() => undefined),
    /** Browser errors per remote and version since the gateway started (real-user monitoring). */
    frontendErrors: () => request<FrontendErrors[]>('/frontends/rum/errors', { anonymous: true }),
    rollback: (remote: string) => request<unknown>(`/frontends/releases/${id(remote)}/rollback`, { method: 'POST' }),
  },
};

export interface RemoteReleaseInfo {
  live: string | null;
  previous?: string | null;
  canary?: { version: string; percent: number } | null;
  versions?: string[];
}
export interface ReleasesManifest { remotes: Record<string, RemoteReleaseInfo | undefined> }
export interface FrontendErrors { app: string; version: string; errors: number }

/** Lists come either as a bare array or as a page; the apps only need the items. */
export function itemsOf<T>(list: T[] | Page<T> | null | undefined): T[] {
  if (!list) return [];
  return Array.isArray(list) ? list : list.items;
}
