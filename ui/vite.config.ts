import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Built into ui/dist, which the Tauri binary embeds. Relative asset paths,
// no remote content: the app runs offline.
export default defineConfig({
  plugins: [vue()],
  base: './',
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'safari15',
    chunkSizeWarningLimit: 2000,
  },
  test: {
    environment: 'happy-dom',
  },
})
