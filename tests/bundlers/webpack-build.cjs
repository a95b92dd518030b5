// Builds ./webpack.config.js through webpack's Node API (the same configuration `npx webpack`
// reads; webpack-cli is left out of the test to keep the cached install small). Exits 1 on an error.
const path = require("path");
const webpack = require("webpack");

webpack(require(path.resolve("webpack.config.js")), (err, stats) => {
  if (err) {
    console.error(err.stack || String(err));
    process.exit(1);
  }
  const out = stats.toString({ all: false, errors: true, warnings: true, assets: true, colors: false });
  console.log(out);
  if (stats.hasErrors()) process.exit(1);
});
