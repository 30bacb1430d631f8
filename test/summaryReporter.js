"use strict";
/**
 * Prints one plain closing line, `jest: N passed, N failed, N skipped`, after Jest's own
 * summary, so any CI reading the last lines sees how many tests ran.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const line = `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests + results.numTodoTests} skipped`;
    process.stdout.write(`\n${line}\n`);
  }
}
module.exports = SummaryReporter;
