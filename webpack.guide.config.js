/* eslint-disable no-undef */
const path = require("node:path");

/**
 * Hjälpmedelsguiden's browser script: built once (npm run build:cli) and copied by `publish` into
 * every published guide beside the edition's data file. One file, no chunks, no eval.
 */
module.exports = {
  mode: "production",
  devtool: false,
  target: ["web", "es2020"],
  entry: { guide: "./src/guide/guide.ts" },
  output: { path: path.resolve(__dirname, "dist", "guide"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json", compilerOptions: { noEmit: false, sourceMap: false, module: "es2022" } } },
      },
    ],
  },
  optimization: { splitChunks: false, runtimeChunk: false },
  performance: { hints: false },
};
