// Standalone mode (dev server on 3002): the storefront without the shell, for working on it alone.
import '@shop/shared/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import App from './App';
import SearchBox from './search/SearchBox';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <header className="site-header"><div className="site-header-inner"><strong>Storefront (standalone)</strong><div className="header-search"><SearchBox /></div></div></header>
      <main className="site-main"><App /></main>
    </BrowserRouter>
  </StrictMode>,
);
