import { foldText } from "../text";

/** The 26 kommuner of Stockholms län, as they write their names. */
export const STOCKHOLM_KOMMUNER = [
  "Botkyrka",
  "Danderyd",
  "Ekerö",
  "Haninge",
  "Huddinge",
  "Järfälla",
  "Lidingö",
  "Nacka",
  "Norrtälje",
  "Nykvarn",
  "Nynäshamn",
  "Salem",
  "Sigtuna",
  "Sollentuna",
  "Solna",
  "Stockholm",
  "Sundbyberg",
  "Södertälje",
  "Tyresö",
  "Täby",
  "Upplands Väsby",
  "Upplands-Bro",
  "Vallentuna",
  "Vaxholm",
  "Värmdö",
  "Österåker",
] as const;

/** Folded name without spaces or hyphens: "Upplands-Bro", "upplands bro" and "UPPLANDSBRO" meet. */
const key = (text: string) => foldText(text).replace(/[\s\-‐–]+/g, "");

const BY_KEY = new Map<string, string>(STOCKHOLM_KOMMUNER.map((k) => [key(k), k]));

/**
 * The kommun a name means, tolerant to case, å/ä/ö written as a/a/o, hyphens, and the suffixes
 * "kommun" and "stad" with or without the genitive s ("Danderyds kommun", "Stockholms stad").
 * Returns null for a name that is none of the 26.
 * @example matchKommun("danderyds kommun") === "Danderyd"
 */
export function matchKommun(raw: string): string | null {
  const k = key(raw);
  const direct = BY_KEY.get(k);
  if (direct) return direct;
  const stem = k.replace(/(kommun|stad)$/, "");
  if (stem === k) return null;
  return BY_KEY.get(stem) ?? (stem.endsWith("s") ? (BY_KEY.get(stem.slice(0, -1)) ?? null) : null);
}
