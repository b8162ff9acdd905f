package cn.liaocheng.strongtown.dashboard.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;

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
                List<String> categories = new ArrayList<>();
                List<List<Double>> values = new ArrayList<>();
                List<List<Double>> workbookValues = new ArrayList<>();
                XSSFSheet sheet = chart.getWorkbook().getSheetAt(0);
                // read the caches by point index: a missing value is an absent point, not a gap in the list
                String plot = chart.getCTChart().getPlotArea().xmlText();
                List<String> seriesXml = blocks(plot, "c:ser");
                for (int s = 0; s < seriesXml.size(); s++) {
                    String ser = seriesXml.get(s);
                    int count = Integer.parseInt(attribute(blocks(ser, "c:val").get(0), "c:ptCount"));
                    List<Double> v = new ArrayList<>();
                    List<Double> w = new ArrayList<>();
                    Map<Integer, String> points = points(blocks(ser, "c:val").get(0));
                    Map<Integer, String> cats = points(blocks(ser, "c:cat").get(0));
                    for (int i = 0; i < count; i++) {
                        v.add(points.containsKey(i) ? Double.valueOf(points.get(i)) : null);
                        if (s == 0) {
                            categories.add(cats.get(i));
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
    /** The inner XML of every {@code <tag>…</tag>} (not nested in itself). */
    static List<String> blocks(String xml, String tag) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<" + tag + "(?: [^>]*)?>(.*?)</" + tag + ">", Pattern.DOTALL).matcher(xml);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String attribute(String xml, String tag) {
        Matcher m = Pattern.compile("<" + tag + " val=\"(\\d+)\"").matcher(xml);
        return m.find() ? m.group(1) : "0";
    }

    /** Cached points by index: {@code <c:pt idx="i"><c:v>value</c:v></c:pt>}. */
    private static Map<Integer, String> points(String xml) {
        Map<Integer, String> found = new HashMap<>();
        Matcher m = Pattern.compile("<c:pt idx=\"(\\d+)\"[^>]*>\\s*<c:v>([^<]*)</c:v>").matcher(xml);
        while (m.find()) {
            found.put(Integer.parseInt(m.group(1)), m.group(2));
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
