import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The build lands in the Spring Boot app's static resources, so the jar serves the editor at /.
// `npm run dev` serves it on :5173 and sends /api to a studio running on :8080.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../target/classes/static',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
