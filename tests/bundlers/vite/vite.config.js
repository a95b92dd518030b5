// Nothing tuopin-specific: Vite bundles the package's `new URL("tuopin_bg.wasm", import.meta.url)`.
export default { base: "./", build: { outDir: "dist" } };
