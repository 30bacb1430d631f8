"use strict";
/**
 * Jest stand-in for "office-addin-manifest" (mapped in jest.config.js).
 *
 * office-addin-mock requires that package only for its `OfficeApp` enum (to tell Outlook mocks
 * apart). The package's entry point also loads @microsoft/app-manifest, which pulls in ESM-only
 * packages (e.g. strip-bom) that Jest's CommonJS runtime cannot parse. This stub exports the same
 * enum, taken from the package's own dependency-free lib/officeApp.js, and nothing else.
 */
module.exports = { OfficeApp: require("office-addin-manifest/lib/officeApp").OfficeApp };
