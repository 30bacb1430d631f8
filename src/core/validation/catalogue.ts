import type { Rule } from "./rule";
import { ACCESSORY_PAYER } from "./rules/accessoryPayer";
import { CELL_ERROR } from "./rules/cellError";
import { CROSS_BILAGA } from "./rules/crossBilaga";
import { DUPLICATE } from "./rules/duplicate";
import { EFFECTIVE_TOO_EARLY } from "./rules/effectiveTooEarly";
import { FORTROENDE } from "./rules/fortroende";
import { HEADER_MISSING } from "./rules/headerMissing";
import { ISO_FORMAT } from "./rules/isoFormat";
import { ISO_LEADING_ZERO } from "./rules/isoLeadingZero";
import { ISO_TITLE_MISMATCH } from "./rules/isoTitleMismatch";
import { ISO_UNKNOWN } from "./rules/isoUnknown";
import { OVERRIDE } from "./rules/override";
import { PAYER_INVALID } from "./rules/payerInvalid";
import { PAYER_MISSING } from "./rules/payerMissing";
import { REGION_AREA } from "./rules/regionArea";
import { SHEET_MISSING } from "./rules/sheetMissing";
import { SHEET_COPY, SHEET_HIDDEN } from "./rules/sheetVisibility";
import { SOCPSYK_EXCEPTION } from "./rules/socpsykException";
import { VALUE_INVALID } from "./rules/valueInvalid";
import { NEW_GROUP } from "./rules/newGroup";
import { CHANGE_UNDOCUMENTED } from "./rules/changeUndocumented";
import { CHANGE_NOT_NEUTRAL } from "./rules/changeNotNeutral";
import { PRINCIPLE_CHANGE } from "./rules/principleChange";
import { ROW_LATER_THAN_EDITION } from "./rules/rowLaterThanEdition";
import { MATTER_RULES } from "./rules/matters";

/** Every check of rules.md, in its order; the change checks (CHANGE_CHECK_CODES) run only with a previous edition. */
// Stryker disable next-line all: the table, read when the module loads; every rule test and the catalogue test kill it (docs/utveckling.md).
export const RULES: readonly Rule[] = [
  SHEET_MISSING,
  SHEET_HIDDEN,
  SHEET_COPY,
  HEADER_MISSING,
  CELL_ERROR,
  ISO_FORMAT,
  ISO_LEADING_ZERO,
  ISO_UNKNOWN,
  ISO_TITLE_MISMATCH,
  DUPLICATE,
  CROSS_BILAGA,
  OVERRIDE,
  PAYER_MISSING,
  PAYER_INVALID,
  VALUE_INVALID,
  REGION_AREA,
  SOCPSYK_EXCEPTION,
  FORTROENDE,
  ACCESSORY_PAYER,
  NEW_GROUP,
  CHANGE_UNDOCUMENTED,
  CHANGE_NOT_NEUTRAL,
  EFFECTIVE_TOO_EARLY,
  PRINCIPLE_CHANGE,
  ROW_LATER_THAN_EDITION,
  // The register of matters (the optional Ärenden sheet).
  ...MATTER_RULES,
];
