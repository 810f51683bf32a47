import { lazy } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { Layout } from './layout/Layout';
import { RemoteBoundary } from './RemoteBoundary';

// Each remote is fetched the first time one of its routes is visited.
const Storefront = lazy(() => import('dashboard/App'));
const Account = lazy(() => import('user/App'));
const Admin = lazy(() => import('admin/App'));

export function App() {
  // A new location gets a fresh boundary, so one failed remote does not leave the fallback on other pages.
  const { pathname } = useLocation();
  const area = pathname.split('/')[1] ?? '';
  return (
    <Layout>
      <Routes>
        <Route path="/account/*" element={<RemoteBoundary key={`account-${area}`} area="Your account" remote="user"><Account /></RemoteBoundary>} />
        <Route path="/admin/*" element={<RemoteBoundary key={`admin-${area}`} area="The admin area" remote="admin"><Admin /></RemoteBoundary>} />
        <Route path="/*" element={<RemoteBoundary key={`store-${area}`} area="The store" remote="dashboard"><Storefront /></RemoteBoundary>} />
      </Routes>
    </Layout>
  );
}
