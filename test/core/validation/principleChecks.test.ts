import { readWorkbook } from "../../../src/core/model";
import { indexPrinciples, principlesInForce } from "../../../src/core/principlesInForce";
import { contradictedPrinciple } from "../../../src/core/validation/principleChecks";
import { workbook } from "../../helpers/workbooks";

// The principle a payer would contradict (§2.2 and §5.2), which PRINCIPLE_CHANGE asks for each
// changed cell; over the test workbook's Principer sheet (22 06 hörsel, 12 36 and 09 33 12 socialpsykiatri).

const index = indexPrinciples(principlesInForce(readWorkbook(workbook())).entries);
const key = (bilaga: "B1" | "B2" | "B3" | "B4", code: string, payer: "Kommun" | "Region" | "Egenansvar" | null) => contradictedPrinciple(index, bilaga, code, payer)?.key ?? null;

describe("contradictedPrinciple", () => {
  it("finds a Region area on Kommun or Egenansvar in any bilaga, the finer codes under it too", () => {
    expect([key("B1", "22 06", "Kommun"), key("B2", "22 06 15", "Egenansvar"), key("B4", "22 06", "Kommun"), key("B3", "22 06 15", "Kommun")]).toEqual(["REGION_HORSEL", "REGION_HORSEL", "REGION_HORSEL", "REGION_HORSEL"]);
  });

  it("finds nothing for a Region area on Region, for no payer, or for a code outside every principle", () => {
    expect([key("B1", "22 06", "Region"), key("B1", "22 06", null), key("B1", "12 22", "Kommun"), key("B4", "12 22", "Region")]).toEqual([null, null, null, null]);
  });

  it("finds the socialpsykiatri codes off Kommun in bilaga 4 only", () => {
    expect([key("B4", "12 36", "Region"), key("B4", "12 36 03", "Egenansvar"), key("B4", "09 33 12", "Region")]).toEqual(["SOCPSYK_KOMMUN", "SOCPSYK_KOMMUN", "SOCPSYK_KOMMUN"]);
    expect([key("B4", "12 36", "Kommun"), key("B1", "12 36", "Region"), key("B2", "12 36", "Egenansvar")]).toEqual([null, null, null]);
  });
});
