/** Principle keys of the `Principer` sheet (`workbook.md`). */
export const PRINCIPLE_KEYS = [
  "REGION_HORSEL",
  "REGION_SYN",
  "REGION_ORTOPEDTEKNIK",
  "REGION_KOSMETISK",
  "REGION_DIABETES_TEST",
  "SOCPSYK_KOMMUN",
  "FORTROENDE_BILAGA2",
] as const;
export type PrincipleKey = (typeof PRINCIPLE_KEYS)[number];

export type RegionPrincipleKey = Extract<PrincipleKey, `REGION_${string}`>;

export interface PrincipleInfo {
  readonly key: PrincipleKey;
  readonly section: string;
  /**
   * What the principle covers, in Swedish, as running text: the one wording of it that answers,
   * rule texts, findings and the guide use.
   */
  readonly areaSv: string;
}

export const PRINCIPLE_INFO: Record<PrincipleKey, PrincipleInfo> = {
  REGION_HORSEL: { key: "REGION_HORSEL", section: "§2.2", areaSv: "hörselhjälpmedel" },
  REGION_SYN: { key: "REGION_SYN", section: "§2.2", areaSv: "synhjälpmedel" },
  REGION_ORTOPEDTEKNIK: { key: "REGION_ORTOPEDTEKNIK", section: "§2.2", areaSv: "ortopedtekniska hjälpmedel" },
  REGION_KOSMETISK: { key: "REGION_KOSMETISK", section: "§2.2", areaSv: "kosmetiska hjälpmedel" },
  REGION_DIABETES_TEST: {
    key: "REGION_DIABETES_TEST",
    section: "§2.2",
    areaSv: "testmaterial vid självtest av diabetes",
  },
  SOCPSYK_KOMMUN: {
    key: "SOCPSYK_KOMMUN",
    section: "§5.2",
    // §5.2 in the agreement's words.
    areaSv: "alla typer av lyftar, duschvagn/duschsäng och vårdaraggregat till rullstol",
  },
  FORTROENDE_BILAGA2: {
    key: "FORTROENDE_BILAGA2",
    section: "§2.3.1",
    areaSv: "förbrukningshjälpmedel som får förtroendeförskrivas (teststickor, lansetter, pennkanyler vid diabetes)",
  },
};

export function isRegionPrinciple(key: PrincipleKey): key is RegionPrincipleKey {
  return key.startsWith("REGION_");
}

/** One (principle, code) pair in force; `row` is null for the built-in defaults. */
export interface PrincipleEntry {
  readonly key: PrincipleKey;
  readonly code: string;
  readonly sheet: string;
  readonly row: number | null;
}
