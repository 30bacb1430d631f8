/* eslint-disable no-undef */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { SwedishFunctionsPlugin } = require("./scripts/functions-sv");

const DEV_URL = "https://localhost:3000/";

/**
 * The production URL comes from ADDIN_URL (or `--env url=…`); every occurrence of the dev URL in
 * the manifest is rewritten to it.
 */
function productionUrl(env) {
  const url = (env && env.url) || process.env.ADDIN_URL;
  if (!url) throw new Error("Ange produktions-URL: ADDIN_URL=https://din.server/sökväg/ npm run build");
  if (!/^https:\/\/[^\s"<>]+\/$/.test(url)) throw new Error(`ADDIN_URL måste vara en https-adress som slutar med /: ${url}`);
  return url;
}

async function devServerHttps() {
  // Microsoft's dev certificates, created on first `npm start` (Windows/Mac).
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const url = dev ? DEV_URL : productionUrl(env);
  return {
    // No source maps in the production folder: what a kommun hosts is the code users run, nothing more.
    devtool: dev ? "eval-source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      // One runtime: the pane shares the functions' modules (and so their cached workbook model).
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist", "addin"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // Type checking runs separately (npm run typecheck), which CI runs before the build.
          // ES modules (not CommonJS) so that webpack drops what is not used, e.g. zod's other locales.
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json", compilerOptions: { noEmit: false, sourceMap: dev, module: "es2022" } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new SwedishFunctionsPlugin({ input: "functions.json", output: "functions-sv.json", sv: path.resolve(__dirname, "src/functions/sv.json"), baseUrl: url }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "src/help/hjalp.html", to: "hjalp.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              if (dev) return content;
              const out = content.toString().split(DEV_URL).join(url);
              if (out.includes("localhost")) throw new Error("manifest.xml: en localhost-adress blev kvar efter omskrivningen");
              return out;
            },
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist", "addin") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env && env.WEBPACK_SERVE ? await devServerHttps() : {} },
      port: 3000,
    },
  };
};
