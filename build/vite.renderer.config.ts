import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('../renderer', import.meta.url));
const outDir = fileURLToPath(new URL('../out/renderer', import.meta.url));

/**
 * sonner (the toasts) adds its CSS as an inline <style> when it loads, which the page's CSP
 * (style-src 'self') refuses, with a console error at every start. Its stylesheet is imported
 * from styles.css instead, and the injection is dropped here.
 */
function sonnerWithoutInlineStyle(): Plugin {
  return {
    name: 'rapport:sonner-without-inline-style',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]sonner[\\/]dist[\\/]index\.m?js$/.test(id)) return null;
      const injected = code.indexOf('__insertCSS("');
      if (injected === -1) throw new Error('sonner no longer injects its CSS as expected');
      return { code: code.replace(/\n__insertCSS\("/, '\n(() => {})("'), map: null };
    },
  };
}

/** The renderer is a plain web bundle: served from app://rapport in Electron, over http in e2e. */
export default defineConfig({
  root,
  base: './',
  plugins: [sonnerWithoutInlineStyle(), react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
  // Served as it is in dev too (not pre-bundled), so the plugin above sees it.
  optimizeDeps: { exclude: ['sonner'] },
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
});
