import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Monaco's core chunk is 2.7 MB; it loads only when the editor first opens.
  build: { chunkSizeWarningLimit: 4000 },
  worker: { format: 'es' },
});
