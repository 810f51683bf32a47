// Standalone mode (dev server on 3003): the account pages without the shell, mounted under /account like in it.
import '@shop/shared/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import App from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <main className="site-main">
        <Routes>
          <Route path="/account/*" element={<App />} />
          <Route path="*" element={<Navigate to="/account/signin" replace />} />
        </Routes>
      </main>
    </BrowserRouter>
  </StrictMode>,
);
