import { NavLink, Route, Routes } from 'react-router';
import { EmptyState, RequireSignIn } from '@shop/shared';
import { Overview } from './sales/Overview';
import { ProductList } from './products/ProductList';
import { ProductEditor } from './products/ProductEditor';
import { AllOrders } from './orders/AllOrders';
import { Releases } from './releases/Releases';

/** The back office, mounted by the shell at /admin/*; every page needs the admin role. */
export default function AdminApp() {
  return (
    <RequireSignIn role="admin">
      <div className="admin-layout">
        <nav className="side-nav" aria-label="Admin">
          <NavLink to="/admin" end>Overview</NavLink>
          <NavLink to="/admin/products">Products</NavLink>
          <NavLink to="/admin/orders">Orders</NavLink>
          <NavLink to="/admin/releases">Releases</NavLink>
        </nav>
        <div>
          <Routes>
            <Route index element={<Overview />} />
            <Route path="products" element={<ProductList />} />
            <Route path="products/new" element={<ProductEditor />} />
            <Route path="products/:id" element={<ProductEditor />} />
            <Route path="orders" element={<AllOrders />} />
            <Route path="releases" element={<Releases />} />
            <Route path="*" element={<EmptyState title="Page not found" />} />
          </Routes>
        </div>
      </div>
    </RequireSignIn>
  );
}
