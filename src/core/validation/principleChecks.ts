import type { Payer } from "../payer";
import { isRegionPrinciple, type PrincipleEntry } from "../principles";
import { coveringPrinciple, type PrincipleIndex } from "../principlesInForce";
import type { BilagaKey } from "../sheets";

/**
 * The principle a payer would contradict for a code, or null: a Region area (§2.2) on Kommun or
 * Egenansvar in any bilaga, or a socialpsykiatri lift etc. (§5.2) not on Kommun in bilaga 4.
 */
export function contradictedPrinciple(index: PrincipleIndex, bilaga: BilagaKey, code: string, payer: Payer | null): PrincipleEntry | null {
  if (payer === null) return null;
  if (payer !== "Region") {
    const region = coveringPrinciple(index, code, isRegionPrinciple);
    if (region) return region;
  }
  if (bilaga === "B4" && payer !== "Kommun") return coveringPrinciple(index, code, (k) => k === "SOCPSYK_KOMMUN");
  return null;
}
