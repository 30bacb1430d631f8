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
run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
