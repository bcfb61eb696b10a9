import { defineConfig } from 'vite';

// base './': the page works from any path (a private S3 bucket behind CloudFront, or the local stack),
// with hash routes, so no server rewrites are needed.
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    manifest: true,
    emptyOutDir: true,
    target: 'es2020',
    // no inline module-preload polyfill: the CSP forbids inline script
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 700,
    reportCompressedSize: false,
  },
});
