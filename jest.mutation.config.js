/**
 * Jest for mutation testing (`npm run mutation`, StrykerJS): the tests that run the sources
 * in-process — the core, the functions' logic, the Office adapter, the command line through its
 * in-process runner (test/helpers/cli.ts) and the in-process cross-surface tests. Left out: the browser tests
 * (they build the bundle from the sources, minutes per mutant; `*.e2e.test.ts` in any folder), the hostile corpus, the time-zone
 * matrix and the build tests (they run the compiled CLI in dist/, which a mutant never reaches),
 * and the audits. A mutant only those would catch counts as survived: the score is a floor.
 */
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  reporters: ["default"],
  // src is a root too (it holds no tests): Stryker finds a mutant's tests with jest's
  // findRelatedTests, which follows imports only through files jest has mapped. Without it, a rule
  // reached through the catalogue (test → validateWorkbook → catalogue → rule) had no tests at all.
  // The cross-surface tests that drive the pane or the guide in Chromium are left out like the
  // other browser tests (test/e2e): they covered every validation rule and took minutes per mutant.
  testPathIgnorePatterns: ["/node_modules/", "\\.e2e\\.test\\.ts$"],
  roots: ["<rootDir>/src", "<rootDir>/test/core", "<rootDir>/test/functions", "<rootDir>/test/excel", "<rootDir>/test/cli", "<rootDir>/test/crossSurface"],
};
