import { Route, Routes } from 'react-router';
import { EmptyState } from '@shop/shared';
import { Link } from 'react-router';
import { Home } from './home/Home';
import { Catalog } from './catalog/Catalog';
import { SearchPage } from './search/SearchPage';
import { ProductDetails } from './details/ProductDetails';

/** The storefront's routes, mounted by the shell at /*. */
export default function StorefrontApp() {
  return (
    <Routes>
      <Route index element={<Home />} />
      <Route path="products" element={<Catalog />} />
      <Route path="products/:id" element={<ProductDetails />} />
      <Route path="search" element={<SearchPage />} />
      <Route path="*" element={<EmptyState title="Page not found"><p>That page does not exist. <Link to="/products">Browse the shop</Link>.</p></EmptyState>} />
    </Routes>
  );
}
