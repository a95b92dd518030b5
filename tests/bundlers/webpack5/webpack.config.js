// Nothing tuopin-specific: webpack 5 emits the .wasm of `new URL("tuopin_bg.wasm", import.meta.url)`.
const path = require("path");

module.exports = {
  mode: "production",
  entry: "./src/main.js",
  output: { path: path.resolve(__dirname, "dist"), filename: "main.js" },
};
