package cn.liaocheng.strongtown.collection.reading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.liaocheng.strongtown.collection.UploadedFile;

/**
 * The yearly upload's file checks and cell reading, opened to other workbook imports (the construction-plan
 * import of the tracking feature) so that they judge a file and a number exactly as the declaration upload
 * does: the same size limit, content check and zip-bomb inspection ({@link UploadGuard}), the same reading of
 * cells (cached formula values, percent formats) and of typed numbers (full-width digits, thousands separators;
 * {@link NumberText}). Reasons are Chinese, as in the declaration report.
 * It only reads: the workbooks the product writes go through {@link cn.liaocheng.strongtown.export.FormulaGuard}.
 */
public final class WorkbookInput {

    /** Largest upload accepted, the declaration upload's limit. */
    public static final long MAX_UPLOAD_BYTES = UploadGuard.MAX_UPLOAD_BYTES;

    private WorkbookInput() {
    }

    /** Why the file cannot be taken as an .xlsx workbook (empty, too large, wrong type or content, zip limits). */
    public static Optional<String> rejection(UploadedFile file) {
        UploadGuard.Result result = UploadGuard.check(file);
        if (!result.accepted()) {
            return Optional.of(result.problem());
        }
        if (result.format() != UploadGuard.Format.XLSX) {
            return Optional.of("只接受 .xlsx 工作簿，请使用系统下载的模板填写后上传");
        }
        return Optional.empty();
    }

    /**
     * Opens a workbook that passed {@link #rejection}; the caller closes it. A workbook POI cannot open
     * (password, old format, damaged) is reported with its Chinese reason instead.
     */
    public static Opened open(byte[] content) {
        try {
            return new Opened(new XSSFWorkbook(new ByteArrayInputStream(content)), null);
        } catch (EncryptedDocumentException e) {
            return new Opened(null, "工作簿有密码保护，请取消密码后上传");
        } catch (OLE2NotOfficeXmlFileException e) {
            return new Opened(null, "文件内容是旧版 Excel（.xls），请另存为 .xlsx 后上传");
        } catch (IOException | RuntimeException e) {
            // POI signals damaged files, zip bombs and broken XML with assorted runtime exceptions
            return new Opened(null, "无法读取工作簿，文件可能已损坏或超出安全限制");
        }
    }

    /** An opened workbook, or the reason it could not be opened. */
    public record Opened(XSSFWorkbook workbook, String problem) {
    }

    /** How a cell reads as a number. */
    public enum Kind { BLANK, NUMBER, NOT_A_NUMBER, FORMULA_WITHOUT_VALUE, ERROR_VALUE }

    /**
     * A cell read as a number: {@code value} for {@link Kind#NUMBER} (a percent-formatted cell as the percentage
     * it shows, 0.655 → 65.5); {@code fromFormula} when it is a formula's cached value; {@code reason} in Chinese
     * for the others.
     */
    public record CellNumber(Kind kind, Double value, boolean fromFormula, boolean percentFormat, String shown,
                             String reason) {

        public boolean ok() {
            return kind == Kind.NUMBER;
        }

        public boolean blank() {
            return kind == Kind.BLANK;
        }
    }

    /** Reads a cell as a number the way the declaration upload does. */
    public static CellNumber number(Cell cell) {
        TableCell c = WorkbookReader.cell(cell);
        boolean formula = c.formula() != null;
        return switch (c.kind()) {
            case BLANK -> new CellNumber(Kind.BLANK, null, formula, false, "", null);
            case NUMBER -> new CellNumber(Kind.NUMBER, c.percentFormat() ? c.number() * 100 : c.number(), formula,
                    c.percentFormat(), c.display(), null);
            case TEXT -> {
                NumberText.Result r = NumberText.parse(c.text());
                if (r.blank()) {
                    yield new CellNumber(Kind.BLANK, null, formula, false, c.display(), null);
                }
                yield r.ok() ? new CellNumber(Kind.NUMBER, r.value(), formula, false, c.display(), null)
                        : new CellNumber(Kind.NOT_A_NUMBER, null, formula, false, c.display(), r.problem());
            }
            case BOOLEAN -> new CellNumber(Kind.NOT_A_NUMBER, null, formula, false, c.display(),
                    "是逻辑值（TRUE/FALSE），不是数值");
            case ERROR -> new CellNumber(Kind.ERROR_VALUE, null, formula, false, c.display(),
                    "是错误值，请改正公式或直接填写数字");
            case FORMULA_WITHOUT_VALUE -> new CellNumber(Kind.FORMULA_WITHOUT_VALUE, null, true, false, c.display(),
                    "公式没有计算结果（文件未经 Excel 保存），请填写数字");
        };
    }

    /** A cell as text, stripped; a number (e.g. a year or a code typed as a number) without ".0". */
    public static String text(Cell cell) {
        TableCell c = WorkbookReader.cell(cell);
        return switch (c.kind()) {
            case NUMBER -> WorkbookReader.plainInteger(c.number());
            case BLANK -> "";
            default -> c.display() == null ? "" : c.display().strip();
        };
    }
}
