import { foldText } from "./text";

export const PAYERS = ["Kommun", "Region", "Egenansvar"] as const;
export type Payer = (typeof PAYERS)[number];

const SPELLINGS = new Map<string, Payer>([
  ["kommun", "Kommun"],
  ["k", "Kommun"],
  ["region", "Region"],
  ["r", "Region"],
  ["region stockholm", "Region"],
  ["egenansvar", "Egenansvar"],
  ["e", "Egenansvar"],
  ["eget ansvar", "Egenansvar"],
]);

/**
 * Reads a payer in any accepted spelling, or null.
 * @example parsePayer(" r ") === "Region"
 */
export function parsePayer(text: string): Payer | null {
  return SPELLINGS.get(foldText(text)) ?? null;
}
