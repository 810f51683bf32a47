import { lazy, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { useSession } from '@shop/shared';
import { RemoteBoundary } from '../RemoteBoundary';
import { AccountMenu } from './AccountMenu';
import { CartLink } from './CartLink';
import { PlainSearch } from './PlainSearch';
import { Toasts } from './Toasts';

// The storefront remote owns search (with autocomplete); the shell only gives it a slot in the header.
const SearchBox = lazy(() => import('dashboard/SearchBox'));

export function Layout({ children }: { children: ReactNode }) {
  const session = useSession();
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand" aria-label="Nimbus Store home">
            <span className="brand-mark" aria-hidden="true">N</span>
            Nimbus Store
          </Link>
          <nav className="main-nav" aria-label="Main">
            <NavLink to="/" end>Home</NavLink>
            <NavLink to="/products">Shop</NavLink>
            {session && <NavLink to="/account/orders">Orders</NavLink>}
            {session?.user.role === 'admin' && <NavLink to="/admin">Admin</NavLink>}
          </nav>
          <div className="header-search">
            <RemoteBoundary area="Search" remote="dashboard" fallback={<PlainSearch />}>
              <SearchBox />
            </RemoteBoundary>
          </div>
          <div className="header-actions">
            <CartLink />
            <AccountMenu />
          </div>
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        Nimbus Store · a distributed e-commerce reference system · test cards: tok_visa, tok_declined
      </footer>
      <Toasts />
    </>
  );
}
