package cn.liaocheng.strongtown.synth;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a long-format panel from CSV (UTF-8, header row): one row per unit and time, one column per
 * variable. Only the columns a spec needs are read; blank, {@code NA} and {@code NaN} cells are missing.
 */
public final class PanelCsv {

    private PanelCsv() {
    }

    public static Panel read(Path file, String unitColumn, String timeColumn, Collection<String> variables) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.getFileName().toString(), unitColumn, timeColumn, variables);
        } catch (NoSuchFileException e) {
            throw new SynthInputException("找不到面板文件 " + file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new SynthInputException("无法读取面板文件 " + file + "（不是 UTF-8 编码的 CSV 文本？）");
        }
    }

    static Panel read(Reader reader, String name, String unitColumn, String timeColumn, Collection<String> variables)
            throws IOException {
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                .parse(reader);
        Map<String, Integer> header = new java.util.LinkedHashMap<>();
        parser.getHeaderMap().forEach((k, v) -> header.put(k.replace("\uFEFF", ""), v));
        for (String column : concat(unitColumn, timeColumn, variables)) {
            if (!header.containsKey(column)) {
                throw new SynthInputException(name + "：缺少列“" + column + "”（表头为 " + header.keySet() + "）");
            }
        }
        Panel.Builder panel = new Panel.Builder();
        for (CSVRecord row : parser) {
            long line = row.getRecordNumber() + 1;
            String unit = cell(row, header.get(unitColumn));
            if (unit.isEmpty()) {
                throw new SynthInputException(name + " 第 " + line + " 行，列“" + unitColumn + "”：单位为空");
            }
            int time = time(cell(row, header.get(timeColumn)), name, line, timeColumn);
            panel.touch(unit, time);
            for (String variable : variables) {
                String text = cell(row, header.get(variable));
                if (text.isEmpty() || text.equalsIgnoreCase("NA") || text.equalsIgnoreCase("NaN")) {
                    continue;
                }
                try {
                    panel.put(unit, time, variable, Double.parseDouble(text));
                } catch (NumberFormatException e) {
                    throw new SynthInputException(name + " 第 " + line + " 行，列“" + variable + "”：“" + text + "”不是数字");
                }
            }
        }
        return panel.build();
    }

    private static List<String> concat(String unit, String time, Collection<String> variables) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(List.of(unit, time));
        all.addAll(variables);
        return all;
    }

    private static String cell(CSVRecord row, int index) {
        return index < row.size() ? row.get(index).trim() : "";
    }

    private static int time(String text, String name, long line, String column) {
        try {
            double t = Double.parseDouble(text);
            if (t == Math.rint(t) && Math.abs(t) < 1e9) {
                return (int) t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SynthInputException(name + " 第 " + line + " 行，列“" + column + "”：时间“" + text + "”不是整数（如年份）");
    }
}
