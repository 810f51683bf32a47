// Standalone mode (dev server on 3004): the admin pages without the shell, mounted under /admin like in it.
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
          <Route path="/admin/*" element={<App />} />
          <Route path="*" element={<Navigate to="/admin" replace />} />
        </Routes>
      </main>
    </BrowserRouter>
  </StrictMode>,
);
