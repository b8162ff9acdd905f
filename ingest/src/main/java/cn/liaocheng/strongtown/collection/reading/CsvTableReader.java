package cn.liaocheng.strongtown.collection.reading;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mozilla.universalchardet.UniversalDetector;

import cn.liaocheng.strongtown.collection.Finding;

/**
 * Reads a CSV declaration (UTF-8 with or without BOM, or GBK as Excel saves it on Chinese Windows),
 * detecting the encoding with juniversalchardet and refusing text that does not decode cleanly.
 */
public final class CsvTableReader {

    public static final Charset GBK = Charset.forName("GB18030");

    public record Read(InputTable table, Charset charset, List<Finding> findings) {
    }

    private CsvTableReader() {
    }

    public static Read read(byte[] content) {
        List<Finding> findings = new ArrayList<>();
        Charset charset = detect(content);
        String text;
        try {
            text = decode(content, charset);
        } catch (CharacterCodingException e) {
            findings.add(Finding.fileError("无法识别文件编码（既不是 UTF-8 也不是 GBK），请用 Excel“另存为 CSV UTF-8”后上传"));
            return new Read(null, charset, findings);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(false).get();
        List<String> headers = null;
        List<InputTable.Row> rows = new ArrayList<>();
        long line = 1;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<TableCell> cells = new ArrayList<>();
                line = parser.getCurrentLineNumber() + 1;
                record.forEach(v -> cells.add(TableCell.text(v)));
                if (headers == null) {
                    headers = record.stream().map(String::strip).toList();
                } else {
                    rows.add(new InputTable.Row((int) record.getRecordNumber(), cells));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Commons CSV's message is English; the line where parsing stopped is what the user can act on.
            findings.add(Finding.fileError("CSV 格式错误（引号不配对或行结构损坏），约在第 " + line + " 行之后"));
            return new Read(null, charset, findings);
        }
        if (headers == null) {
            findings.add(Finding.fileError("CSV 文件没有表头行"));
            return new Read(null, charset, findings);
        }
        return new Read(new InputTable("CSV", headers, null, rows), charset, findings);
    }

    /** UTF-8 when the bytes say so (BOM or detector), GBK (read as its superset GB18030) otherwise. */
    public static Charset detect(byte[] content) {
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(content, 0, content.length);
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if (name == null) {
            return isUtf8(content) ? StandardCharsets.UTF_8 : GBK;
        }
        return switch (name) {
            case "GB18030", "GBK", "GB2312", "HZ-GB-2312" -> GBK;
            case "UTF-8", "US-ASCII" -> StandardCharsets.UTF_8;
            default -> isUtf8(content) ? StandardCharsets.UTF_8 : GBK;
        };
    }

    private static boolean isUtf8(byte[] content) {
        try {
            decode(content, StandardCharsets.UTF_8);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String decode(byte[] content, Charset charset) throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(content)).toString();
    }
}
