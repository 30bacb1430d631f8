#!/usr/bin/env node
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const entry = path.join(__dirname, "..", "dist", "cli", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("kostnadsansvar är inte byggt. Kör: npm run build:cli\n");
  process.exit(2);
}
const { run } = require(entry);
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    // Output piped into `head` and the like: stop quietly when the reader has gone.
    if (e.code === "EPIPE") process.exit(process.exitCode || 0);
  });
}
run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
