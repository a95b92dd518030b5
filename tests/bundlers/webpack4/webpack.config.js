// webpack 4 ignores `exports` and cannot parse import.meta: it reads the package's `browser`
// field (tuopin's legacy/ build), which imports the .wasm; file-loader emits it and gives its URL.
// On Node 17+, webpack before 4.47.0 needs NODE_OPTIONS=--openssl-legacy-provider (md4 hashes).
const path = require("path");

module.exports = {
  mode: "production",
  entry: "./src/main.js",
  output: { path: path.resolve(__dirname, "dist"), filename: "main.js", publicPath: "" },
  module: {
    rules: [{ test: /\.wasm$/, type: "javascript/auto", loader: "file-loader" }],
  },
};
