import '@shop/shared/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { registerReleasedRemotes } from './releases/register';
import { startRum } from './releases/rum';

startRum();
// The manifest decides which version of each remote this session loads, before the first remote is imported.
void registerReleasedRemotes().finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </StrictMode>,
  ),
);
