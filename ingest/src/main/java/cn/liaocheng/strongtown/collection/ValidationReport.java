package cn.liaocheng.strongtown.collection;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import cn.liaocheng.strongtown.export.FormulaGuard;

/** Everything found while checking one input; errors first, then warnings, each in input order. */
public record ValidationReport(String fileName, String sha256, List<Finding> findings) {

    public ValidationReport {
        findings = findings.stream().sorted((a, b) -> Boolean.compare(b.isError(), a.isError())).toList();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.isError()).toList();
    }

    /** A one-line Chinese summary, e.g. "2 个错误，1 个警告：未写入任何数据". */
    public String summary() {
        int errors = errors().size();
        int warnings = findings.size() - errors;
        return errors + " 个错误，" + warnings + " 个警告" + (errors > 0 ? "：存在错误，未写入任何数据" : "");
    }

    /** The report as text, one finding per line, for the CLI and for logs. */
    public String toText() {
        StringBuilder text = new StringBuilder("校验报告 ").append(fileName).append('\n')
                .append("SHA-256 ").append(sha256).append('\n').append(summary()).append('\n');
        findings.forEach(f -> text.append(f.toLine()).append('\n'));
        return text.toString();
    }

    /** The report as CSV (UTF-8 with BOM, so Excel opens the Chinese text correctly). */
    public String toCsv() {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("级别", "位置", "行", "列", "值", "原因").get())) {
            for (Finding f : findings) {
                // values come from the uploaded file: a cell such as =HYPERLINK(…) must stay text
                csv.printRecord(f.severity().label(), guard(f.where()), f.row(), guard(f.column()), guard(f.value()),
                        guard(f.reason()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String guard(String text) {
        return text == null ? null : FormulaGuard.neutralised(text);
    }
}
