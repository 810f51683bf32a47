import { NavLink, Route, Routes } from 'react-router';
import { EmptyState, RequireSignIn } from '@shop/shared';
import { Overview } from './sales/Overview';
import { ProductList } from './products/ProductList';
import { ProductEditor } from './products/ProductEditor';
import { AllOrders } from './orders/AllOrders';

/** The back office, mounted by the shell at /admin/*; every page needs the admin role. */
export default function AdminApp() {
  return (
    <RequireSignIn role="admin">
      <div className="admin-layout">
        <nav className="side-nav" aria-label="Admin">
          <NavLink to="/admin" end>Overview</NavLink>
          <NavLink to="/admin/products">Products</NavLink>
          <NavLink to="/admin/orders">Orders</NavLink>
        </nav>
        <div>
          <Routes>
            <Route index element={<Overview />} />
            <Route path="products" element={<ProductList />} />
            <Route path="products/new" element={<ProductEditor />} />
            <Route path="products/:id" element={<ProductEditor />} />
            <Route path="orders" element={<AllOrders />} />
            <Route path="*" element={<EmptyState title="Page not found" />} />
          </Routes>
        </div>
      </div>
    </RequireSignIn>
  );
}
