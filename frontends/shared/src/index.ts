// The shared library: design system, typed API client, auth store and cross-app event bus. Module Federation
// shares it as a singleton, so every app on the page sees the same session.
export * from './api/types';
export { api, itemsOf, type ProductQuery, type SearchQuery, type ReleasesManifest, type RemoteReleaseInfo, type FrontendErrors } from './api/client';
export { ApiError } from './api/ApiError';
export { auth, CLIENT_ID, type Session } from './auth/authStore';
export { useSession } from './auth/useAuth';
export { emit, on, type ShopEvents, type ShopEventName } from './events/bus';
export { useAsync, usePolling, type AsyncState } from './hooks/useAsync';
export { useDebounced } from './hooks/useDebounced';
export { Button, type ButtonProps } from './ui/Button';
export { TextField, SelectField } from './ui/Field';
export { Spinner, ErrorMessage, Alert, EmptyState, Loadable } from './ui/Feedback';
export { ProductImage, ProductCard, ProductGrid, Price, Rating } from './ui/Product';
export { StatusBadge, Card, PageHeader, Pagination } from './ui/Misc';
export { formatMoney, formatDate, humanize } from './ui/format';
export { RequireSignIn } from './auth/RequireSignIn';
export { newIdempotencyKey } from './api/idempotency';
export { CartIcon, UnavailableIcon } from './ui/Icons';
