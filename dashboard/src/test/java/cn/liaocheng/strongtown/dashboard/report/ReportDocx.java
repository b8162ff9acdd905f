package cn.liaocheng.strongtown.dashboard.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** A .docx read back with POI, for assertions: its text, its charts' series and its page set-up. */
record ReportDocx(String text, List<String> paragraphs, List<ChartRead> charts, long pageWidth, long pageHeight,
                  long top, long bottom, long left, long right, String footerText) {

    /** One chart: title, categories and each series' name and values, as stored in the chart part. */
    record ChartRead(String title, List<String> categories, List<List<Double>> values,
                     List<List<Double>> workbookValues) {
    }

    static ReportDocx read(byte[] docx) throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            StringBuilder text = new StringBuilder(String.join("\n", paragraphs));
            for (XWPFTable table : doc.getTables()) {
                text.append('\n').append(table.getText());
            }
            List<ChartRead> charts = new ArrayList<>();
            for (XWPFChart chart : doc.getCharts()) {
                XDDFChartData data = chart.getChartSeries().get(0);
                List<String> categories = new ArrayList<>();
                List<List<Double>> values = new ArrayList<>();
                List<List<Double>> workbookValues = new ArrayList<>();
                XSSFSheet sheet = chart.getWorkbook().getSheetAt(0);
                for (int s = 0; s < data.getSeriesCount(); s++) {
                    XDDFChartData.Series series = data.getSeries(s);
                    List<Double> v = new ArrayList<>();
                    List<Double> w = new ArrayList<>();
                    for (int i = 0; i < series.getValuesData().getPointCount(); i++) {
                        Number n = series.getValuesData().getPointAt(i);
                        v.add(n == null ? null : n.doubleValue());
                        if (s == 0) {
                            categories.add(String.valueOf(series.getCategoryData().getPointAt(i)));
                        }
                        var row = sheet.getRow(i + 1);
                        var cell = row == null ? null : row.getCell(s + 1);
                        w.add(cell == null || cell.getCellType() != CellType.NUMERIC ? null : cell.getNumericCellValue());
                    }
                    values.add(v);
                    workbookValues.add(w);
                }
                String title = texts(chart.getCTChart().getTitle().xmlText(), "a:t").stream().collect(Collectors.joining());
                charts.add(new ChartRead(title, categories, values, workbookValues));
            }
            var section = doc.getDocument().getBody().getSectPr();
            String footer = doc.getFooterList().stream().map(f -> f.getText()).collect(Collectors.joining("|"));
            return new ReportDocx(text.toString(), paragraphs, charts, number(section.getPgSz().getW()),
                    number(section.getPgSz().getH()), number(section.getPgMar().getTop()),
                    number(section.getPgMar().getBottom()), number(section.getPgMar().getLeft()),
                    number(section.getPgMar().getRight()), footer);
        }
    }

    /** Every text between {@code <tag>} and {@code </tag>} in the XML. */
    static List<String> texts(String xml, String tag) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<" + tag + "(?: [^>]*)?>([^<]*)</" + tag + ">").matcher(xml);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
    private static long number(Object value) {
        return Long.parseLong(String.valueOf(value));
    }

    ChartRead chart(String title) {
        return charts.stream().filter(c -> c.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no chart titled " + title + " in " + charts));
    }
}
