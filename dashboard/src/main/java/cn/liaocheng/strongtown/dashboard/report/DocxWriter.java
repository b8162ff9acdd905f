package cn.liaocheng.strongtown.dashboard.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * Writes a {@link ReportDocument} as a .docx laid out after GB/T 9704-2012 (党政机关公文格式): A4,
 * margins 37/35/28/26 mm, title 2号 (22 pt) 方正小标宋简体, body 3号 (16 pt) 仿宋_GB2312, level-1
 * headings 黑体, level-2 楷体_GB2312, page numbers "— 1 —" in the footer (odd pages right, even pages
 * left). Font names are written, not embedded. Charts are native, editable Office charts whose data
 * live in the chart's embedded workbook.
 */
final class DocxWriter {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING1_FONT = "黑体";
    static final String HEADING2_FONT = "楷体_GB2312";
    static final String LATIN_FONT = "Times New Roman";
    /** 2号 and 3号 in points. */
    static final int TITLE_PT = 22;
    static final int BODY_PT = 16;
    static final int NOTE_PT = 12;
    /** A4 in twips (1/1440 inch) and the margins in millimetres. */
    static final int A4_WIDTH_TWIPS = 11906;
    static final int A4_HEIGHT_TWIPS = 16838;
    static final double TOP_MM = 37;
    static final double BOTTOM_MM = 35;
    static final double LEFT_MM = 28;
    static final double RIGHT_MM = 26;
    /** 22 lines on the 225 mm text height. */
    static final double LINE_PT = 28.95;
    private static final int EMU_PER_MM = 36_000;

    private DocxWriter() {
    }

    static int twips(double mm) {
        return (int) Math.round(mm * 1440 / 25.4);
    }

    static byte[] write(ReportDocument report) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pageLayout(doc);
            for (ReportBlock block : report.blocks()) {
                if (block instanceof ReportBlock.Title t) {
                    title(doc, t);
                } else if (block instanceof ReportBlock.Heading h) {
                    heading(doc, h);
                } else if (block instanceof ReportBlock.Text t) {
                    for (String line : t.text().split("\\R")) {
                        if (!line.isBlank()) {
                            body(doc, line.strip(), BODY_FONT, BODY_PT);
                        }
                    }
                } else if (block instanceof ReportBlock.Figure f) {
                    figure(doc, f);
                } else if (block instanceof ReportBlock.Table t) {
                    table(doc, t);
                } else if (block instanceof ReportBlock.Chart c) {
                    chart(doc, c.chart());
                } else if (block instanceof ReportBlock.Note n) {
                    body(doc, n.text(), BODY_FONT, NOTE_PT);
                }
            }
            doc.getProperties().getCoreProperties().setTitle(report.title());
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pageLayout(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH_TWIPS));
        size.setH(BigInteger.valueOf(A4_HEIGHT_TWIPS));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(twips(TOP_MM)));
        margins.setBottom(BigInteger.valueOf(twips(BOTTOM_MM)));
        margins.setLeft(BigInteger.valueOf(twips(LEFT_MM)));
        margins.setRight(BigInteger.valueOf(twips(RIGHT_MM)));
        // the page number sits 7 mm below the text area (GB/T 9704 §7.5)
        margins.setFooter(BigInteger.valueOf(twips(BOTTOM_MM - 7 - 5)));
        margins.setHeader(BigInteger.valueOf(twips(15)));
        doc.setEvenAndOddHeadings(true);
        pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        pageNumber(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    /** "— 1 —" with a PAGE field, 4号 (14 pt) 宋体. */
    private static void pageNumber(XWPFFooter footer, ParagraphAlignment alignment) {
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(alignment);
        font(p.createRun(), "宋体", 14).setText("— ");
        XWPFRun begin = font(p.createRun(), "宋体", 14);
        begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instr = font(p.createRun(), "宋体", 14);
        instr.getCTR().addNewInstrText().setStringValue(" PAGE ");
        XWPFRun separate = font(p.createRun(), "宋体", 14);
        separate.getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        font(p.createRun(), "宋体", 14).setText("1");
        XWPFRun end = font(p.createRun(), "宋体", 14);
        end.getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        font(p.createRun(), "宋体", 14).setText(" —");
    }

    private static XWPFRun font(XWPFRun run, String eastAsian, int points) {
        run.setFontFamily(eastAsian, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(points);
        return run;
    }

    private static void title(XWPFDocument doc, ReportBlock.Title t) {
        XWPFParagraph main = doc.createParagraph();
        main.setAlignment(ParagraphAlignment.CENTER);
        main.setSpacingBetween(35, LineSpacingRule.EXACT);
        font(main.createRun(), TITLE_FONT, TITLE_PT).setText(t.main());
        if (!t.subtitle().isBlank()) {
            XWPFParagraph sub = doc.createParagraph();
            sub.setAlignment(ParagraphAlignment.CENTER);
            sub.setSpacingBetween(LINE_PT, LineSpacingRule.EXACT);
            font(sub.createRun(), HEADING2_FONT, BODY_PT).setText(t.subtitle());
        }
        doc.createParagraph().setSpacingBetween(LINE_PT, LineSpacingRule.EXACT);
    }

    private static void heading(XWPFDocument doc, ReportBlock.Heading h) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBetween(LINE_PT, LineSpacingRule.EXACT);
        p.setIndentationFirstLine(2 * BODY_PT * 20);
        font(p.createRun(), h.level() == 1 ? HEADING1_FONT : HEADING2_FONT, BODY_PT).setText(h.text());
    }

    private static XWPFParagraph body(XWPFDocument doc, String text, String eastAsian, int points) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setSpacingBetween(points == BODY_PT ? LINE_PT : points * 1.5, LineSpacingRule.EXACT);
        p.setIndentationFirstLine(2 * points * 20);
        font(p.createRun(), eastAsian, points).setText(text);
        return p;
    }

    /** The figure's sentence, then its source mark in small type, as the dashboard's provenance marks. */
    private static void figure(XWPFDocument doc, ReportBlock.Figure f) {
        XWPFParagraph p = body(doc, f.text(), BODY_FONT, BODY_PT);
        XWPFRun mark = font(p.createRun(), BODY_FONT, 9);
        mark.setColor("666666");
        mark.setText("〔" + f.source().snapshotId() + "·" + f.source().catalogVersion() + "〕");
    }

    private static void table(XWPFDocument doc, ReportBlock.Table t) {
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
        table.setWidth("100%");
        fillRow(table, 0, t.header(), true);
        for (int r = 0; r < t.rows().size(); r++) {
            fillRow(table, r + 1, t.rows().get(r), false);
        }
        doc.createParagraph();
    }

    private static void fillRow(XWPFTable table, int row, List<String> cells, boolean header) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = table.getRow(row).getCell(c);
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = font(p.createRun(), header ? HEADING1_FONT : BODY_FONT, NOTE_PT);
            run.setText(cells.get(c));
        }
    }

    /** A native chart: its numbers go to the chart's embedded workbook (column A categories, B… series). */
    private static void chart(XWPFDocument doc, ReportChart spec) throws IOException, InvalidFormatException {
        XWPFChart chart = doc.createChart(150 * EMU_PER_MM, 85 * EMU_PER_MM);
        chart.setTitleText(spec.title());
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        if ("rank-history".equals(spec.id())) {
            // rank 1 is best: drawn at the top
            y.setOrientation(AxisOrientation.MAX_MIN);
        }
        int n = spec.categories().size();
        XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromArray(spec.categories().toArray(String[]::new),
                chart.formatRange(new CellRangeAddress(1, Math.max(n, 1), 0, 0)), 0);
        XDDFChartData data = chart.createData(spec.kind() == ReportChart.Kind.LINE ? ChartTypes.LINE : ChartTypes.BAR, x, y);
        data.setVaryColors(false);
        if (data instanceof XDDFBarChartData bar) {
            bar.setBarDirection(BarDirection.COL);
        }
        for (int i = 0; i < spec.series().size(); i++) {
            ReportChart.Series s = spec.series().get(i);
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromArray(s.values().toArray(Double[]::new),
                    chart.formatRange(new CellRangeAddress(1, Math.max(n, 1), i + 1, i + 1)), i + 1);
            XDDFChartData.Series series = data.addSeries(categories, values);
            series.setTitle(s.name(), chart.setSheetTitle(s.name(), i + 1));
            if (series instanceof XDDFLineChartData.Series line) {
                line.setMarkerStyle(MarkerStyle.CIRCLE);
                line.setSmooth(false);
            }
        }
        chart.plot(data);
    }
}
