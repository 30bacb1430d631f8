/**
 * Jest for mutation testing (`npm run mutation`, StrykerJS): the in-process tests of the core, the
 * functions' logic and the Office adapter (test/core, test/functions, test/excel). Left out: the
 * browser tests (they build the bundle from the sources, minutes per mutant), the CLI, hostile and
 * build tests (they write and read files, or run the compiled CLI in dist/, which a mutant never
 * reaches) and the audits. The score is therefore a floor: a mutant only the CLI tests would
 * catch counts as survived here.
 */
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  reporters: ["default"],
  roots: ["<rootDir>/test/core", "<rootDir>/test/functions", "<rootDir>/test/excel"],
};
