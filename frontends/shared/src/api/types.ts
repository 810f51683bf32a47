// The public HTTP contract (docs: API.md in the lead's notes, mirrored here as types the apps compile against).

export type Money = number;

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface ProductSummary {
  id: string;
  sku: string;
  name: string;
  brand: string;
  category: string;
  price: Money;
  currency: string;
  imageUrl?: string | null;
  rating?: number | null;
}

export interface Product extends ProductSummary {
  description?: string | null;
  attributes?: Record<string, string> | null;
}

export interface Facet {
  value: string;
  count: number;
}

export interface PriceRange {
  from: number | null;
  to: number | null;
  count: number;
}

export interface SearchResult extends Page<ProductSummary> {
  facets?: { categories?: Facet[]; brands?: Facet[]; priceRanges?: PriceRange[] } | null;
  didYouMean?: string | null;
}

export interface Suggestion {
  text: string;
  productId?: string | null;
}

export interface Category {
  name: string;
  count: number;
}

export interface Stock {
  productId: string;
  onHand: number;
  reserved: number;
  available: number;
}

/** GET /api/products/{id}/page: parts that were slow or failed come back as null. */
export interface ProductPage {
  product: Product | null;
  availability: Stock | null;
  trendingRank: number | null;
}

export interface CartItem {
  productId: string;
  name: string;
  unitPrice: Money;
  quantity: number;
  lineTotal: Money;
}

export interface Cart {
  items: CartItem[];
  total: Money;
  currency: string;
}

export type OrderStatus = 'Pending' | 'StockReserved' | 'Confirmed' | 'Cancelled';

export interface OrderItem {
  productId: string;
  name?: string | null;
  unitPrice?: Money;
  quantity: number;
  lineTotal?: Money;
}

export interface Order {
  id: string;
  status: OrderStatus;
  items: OrderItem[];
  total: Money;
  currency: string;
  createdAt: string;
  updatedAt?: string | null;
  failureReason?: string | null;
  userId?: string | null;
}

export interface OrderEvent {
  version: number;
  type: string;
  occurredAt: string;
  data?: unknown;
}

export interface ShippingAddress {
  name: string;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface CheckoutRequest {
  shippingAddress: ShippingAddress;
  payment: { cardToken: string };
}

export interface CheckoutAccepted {
  orderId: string;
  status: OrderStatus;
}

export interface SalesBucket {
  bucket: string;
  orders: number;
  revenue: Money;
}

export interface Me {
  userId: string;
  email: string;
  name: string;
  role: 'customer' | 'admin';
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token?: string;
}

export interface ProductInput {
  sku: string;
  name: string;
  description: string;
  brand: string;
  category: string;
  price: Money;
  currency: string;
  imageUrl?: string | null;
  rating?: number | null;
  attributes?: Record<string, string> | null;
}

/** A line of GET /api/products/trending: the product's summary under productId, and its decayed score. */
export interface TrendingEntry extends Omit<ProductSummary, 'id' | 'sku'> {
  productId: string;
  score: number;
}

/** RFC 9457 problem details, as every error answer of the gateway and services is shaped. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  traceId?: string;
  errors?: Record<string, string[]>;
  error?: string;
}
