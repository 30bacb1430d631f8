/**
 * The housing-form names and code forms people type (issue "In the users' words"), with the key
 * each must be read as: one table for the core, WHO_PAYS and CLI test and the guide's browser test.
 */
export const EVERYDAY_NAMES: ReadonlyArray<readonly [string, string]> = [
  ["äldreboende", "SABO"],
  ["vård- och omsorgsboende", "SABO"],
  ["VOBO", "SABO"],
  ["särskilt boende", "SABO"],
  ["servicehus", "SABO"],
  ["gruppbostad", "LSS_BOSTAD"],
  ["gruppboende", "LSS_BOSTAD"],
  ["servicebostad", "LSS_BOSTAD"],
  ["boende enligt LSS", "LSS_BOSTAD"],
  ["daglig verksamhet", "LSS_DV"],
  ["dagverksamhet", "SOL_DAGV"],
  ["sysselsättning", "SOL_DAGV"],
  ["bostad med särskild service för personer med psykisk funktionsnedsättning", "SOL_SOCPSYK"],
  ["socialpsykiatriskt boende", "SOL_SOCPSYK"],
  ["ordinärt boende", "ORDINART_BOENDE"],
  ["hemtjänst", "ORDINART_BOENDE"],
  ["korttidsvistelse", "KORTTID_LSS"],
  ["korttidsboende", "KORTTID_LSS"],
];

/** Codes as typed, each with the code it must be read as. */
export const EVERYDAY_CODES: ReadonlyArray<readonly [string, string]> = [
  ["122203", "12 22 03"],
  ["12.22.03", "12 22 03"],
  ["12-22-03", "12 22 03"],
  ["12 2203", "12 22 03"],
  ["93312", "09 33 12"],
  ["42203", "04 22 03"],
];
