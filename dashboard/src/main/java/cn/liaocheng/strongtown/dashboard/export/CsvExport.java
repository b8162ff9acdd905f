package cn.liaocheng.strongtown.dashboard.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.liaocheng.strongtown.export.FormulaGuard;

/**
 * CSV as Excel opens it correctly in China: UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF
 * line ends. Texts that could run as formulas get a leading single quote; numbers stay numbers.
 */
public final class CsvExport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvExport() {
    }

    public static byte[] write(ExportTable table) {
        StringBuilder out = new StringBuilder();
        line(out, List.copyOf(table.headers()));
        for (List<Object> row : table.rows()) {
            line(out, row);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return XlsxExport.plainNumber(number);
        }
        String text = FormulaGuard.neutralised(value.toString());
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.startsWith(" ") || text.endsWith(" ");
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
