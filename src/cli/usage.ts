/** How each command is called: here, apart from the commands, so `--help` loads none of them. */
export const COST_SHIFT_USAGE =
  "Användning: kostnadsansvar cost-shift <arbetsbok.xlsx> --previous <utgåva.json> [--json]";

export const DIFF_USAGE =
  "Användning: kostnadsansvar diff <gammal.json|.xlsx> <ny.json|.xlsx> [--json]";

export const FOLLOW_UP_USAGE =
  "Användning: kostnadsansvar follow-up <kostnader.csv|.xlsx|mapp> … [--workbook FIL.xlsx] [--edition UTGÅVA.json …] [--baseline ÅR] [--ålder-saknas vuxen] [--out rapport.xlsx [--force]] [--json]";

export const NEW_WORKBOOK_USAGE =
  "Användning: kostnadsansvar new-workbook <ut.xlsx> [--force]";

export const PUBLISH_USAGE =
  "Användning: kostnadsansvar publish <arbetsbok.xlsx> --edition <namn> --out <mapp> [--previous <utgåva.json>] [--beslutad ÅÅÅÅ-MM-DD] [--giltig-fran ÅÅÅÅ-MM-DD]";

export const VALIDATE_USAGE =
  "Användning: kostnadsansvar validate <arbetsbok.xlsx> [--previous <utgåva.json>] [--json]";

export const WHO_PAYS_USAGE =
  `Användning:
  kostnadsansvar who-pays <iso> <boendeform> <ålder> [--specialanpassad] [--workbook FIL.xlsx] [--edition UTGÅVA.json …] [--date ÅÅÅÅ-MM-DD] [--json]
  kostnadsansvar who-pays --csv FIL.csv [--workbook FIL.xlsx] [--edition UTGÅVA.json …] [--date ÅÅÅÅ-MM-DD] [--json]`;
