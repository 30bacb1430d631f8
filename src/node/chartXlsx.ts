import JSZip from "jszip";

/**
 * Adds a clustered column chart to a worksheet of an .xlsx that ExcelJS wrote (ExcelJS cannot
 * draw charts). The chart's categories and series refer to ranges of that sheet, so it follows
 * the numbers if people edit them.
 */
export interface ChartSpec {
  /** 1-based index of the worksheet in the workbook (sheet1.xml = 1). */
  readonly sheetIndex: number;
  readonly sheetName: string;
  readonly title: string;
  /** Categories, e.g. `$A$2:$A$9`. */
  readonly categories: string;
  readonly series: ReadonlyArray<{ readonly name: string; readonly values: string; readonly color: string }>;
  /** The value axis's title, its unit (e.g. "kr"). */
  readonly valueAxisTitle?: string;
  /** Where the chart sits: columns and rows (0-based) of its top-left and bottom-right anchors. */
  readonly from: { readonly col: number; readonly row: number };
  readonly to: { readonly col: number; readonly row: number };
}

const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const ref = (sheet: string, range: string) => esc(`'${sheet.replace(/'/g, "''")}'!${range}`);

function chartXml(spec: ChartSpec): string {
  const series = spec.series
    .map(
      (s, i) => `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${esc(s.name)}</c:v></c:tx>
<c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>
<c:cat><c:strRef><c:f>${ref(spec.sheetName, spec.categories)}</c:f></c:strRef></c:cat>
<c:val><c:numRef><c:f>${ref(spec.sheetName, s.values)}</c:f></c:numRef></c:val></c:ser>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<c:lang val="sv-SE"/><c:roundedCorners val="0"/>
<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>
<c:autoTitleDeleted val="0"/>
<c:plotArea><c:layout/>
<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>
${series}
<c:gapWidth val="80"/><c:axId val="111111111"/><c:axId val="222222222"/></c:barChart>
<c:catAx><c:axId val="111111111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="222222222"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>
<c:valAx><c:axId val="222222222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>${spec.valueAxisTitle ? `<c:title><c:tx><c:rich><a:bodyPr rot="-5400000" vert="horz"/><a:p><a:r><a:t>${esc(spec.valueAxisTitle)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` : ""}<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="111111111"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>
</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart>
</c:chartSpace>`;
}

function drawingXml(spec: ChartSpec): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
<xdr:twoCellAnchor>
<xdr:from><xdr:col>${spec.from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${spec.from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>
<xdr:to><xdr:col>${spec.to.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${spec.to.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>
<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${esc(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>
<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>
<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic>
</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>
</xdr:wsDr>`;
}

/** Returns the .xlsx with the chart added to the given sheet (which must have no drawing yet). */
export async function addColumnChart(xlsx: Buffer, spec: ChartSpec): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  await addColumnChartToZip(zip, spec);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** addColumnChart on an archive already open (so a caller changing other parts saves it once). */
export async function addColumnChartToZip(zip: JSZip, spec: ChartSpec): Promise<void> {
  const sheetPath = `xl/worksheets/sheet${spec.sheetIndex}.xml`;
  const relsPath = `xl/worksheets/_rels/sheet${spec.sheetIndex}.xml.rels`;
  const sheetXml = await zip.file(sheetPath)?.async("string");
  if (!sheetXml) throw new Error(`addColumnChart: ${sheetPath} saknas`);
  if (sheetXml.includes("<drawing ")) throw new Error("addColumnChart: bladet har redan en ritning");
  zip.file("xl/charts/chart1.xml", chartXml(spec));
  zip.file("xl/drawings/drawing1.xml", drawingXml(spec));
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  const rels = (await zip.file(relsPath)?.async("string")) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  zip.file(relsPath, rels.replace("</Relationships>", `<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>`));
  // <drawing> goes after pageMargins/pageSetup/headerFooter and before tableParts/extLst.
  const drawing = `<drawing r:id="rIdChart1"/>`;
  const withNs = sheetXml.includes('xmlns:r="') ? sheetXml : sheetXml.replace("<worksheet ", '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
  const anchor = ["<legacyDrawing", "<tableParts", "<extLst", "</worksheet>"].map((t) => withNs.indexOf(t)).filter((i) => i >= 0).sort((a, b) => a - b)[0]!;
  zip.file(sheetPath, withNs.slice(0, anchor) + drawing + withNs.slice(anchor));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
    ),
  );
}
