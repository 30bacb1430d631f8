/** How each command is called: here, apart from the commands, so `--help` loads none of them. Swedish names first; the English ones work too. */
export const COST_SHIFT_USAGE =
  "Användning: kostnadsansvar kostnadsförskjutning <arbetsbok.xlsx> --tidigare <utgåva.json> [--json]";

export const DIFF_USAGE =
  "Användning: kostnadsansvar jämför <gammal.json|.xlsx> <ny.json|.xlsx> [--json]";

export const FOLLOW_UP_USAGE =
  "Användning: kostnadsansvar uppföljning <kostnader.csv|.xlsx|mapp> … [--arbetsbok FIL.xlsx] [--utgåva UTGÅVA.json …] [--baslinje ÅR] [--ålder-saknas vuxen] [--ut rapport.xlsx [--tvinga]] [--json]";

export const NEW_WORKBOOK_USAGE =
  "Användning: kostnadsansvar ny-arbetsbok <ut.xlsx> [--tvinga]";

export const PUBLISH_USAGE =
  "Användning: kostnadsansvar publicera <arbetsbok.xlsx> --utgåva <namn> --ut <mapp> [--tidigare <utgåva.json>] [--beslutad ÅÅÅÅ-MM-DD] [--giltig-från ÅÅÅÅ-MM-DD] [--tvinga]";

export const VALIDATE_USAGE =
  "Användning: kostnadsansvar granska <arbetsbok.xlsx> [--tidigare <utgåva.json>] [--alla] [--json]";

export const WHO_PAYS_USAGE =
  `Användning:
  kostnadsansvar vem-betalar <iso> <boendeform> <ålder> [--specialanpassad] [--arbetsbok FIL.xlsx] [--utgåva UTGÅVA.json …] [--datum ÅÅÅÅ-MM-DD] [--json]
  kostnadsansvar vem-betalar --frågefil FIL.csv [--arbetsbok FIL.xlsx] [--utgåva UTGÅVA.json …] [--datum ÅÅÅÅ-MM-DD] [--json]`;

export const ANNUAL_REPORT_USAGE =
  "Användning: kostnadsansvar årsrapport --år ÅÅÅÅ --arbetsbok ARBETSBOK.xlsx [--utgåva UTGÅVA.json …] [--uppföljning FIL|MAPP …] [--datum ÅÅÅÅ-MM-DD] [--ut rapport.xlsx [--tvinga]] [--json]";
