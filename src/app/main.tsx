import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { UpdatePrompt } from './offline/UpdatePrompt';
import '../ui/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <UpdatePrompt />
    <App />
  </StrictMode>,
);
