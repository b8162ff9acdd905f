package cn.liaocheng.strongtown.collection.declaration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.collection.reading.NumberText;
import cn.liaocheng.strongtown.collection.reading.TemplateLayout;
import cn.liaocheng.strongtown.collection.reading.TemplateSheets;
import cn.liaocheng.strongtown.collection.reading.TemplateStamp;
import cn.liaocheng.strongtown.export.FormulaGuard;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Writes the declaration workbook of a year from the catalog in force for that year: an instructions
 * sheet, a data sheet with the towns pre-filled and one validated column per declared item, and a
 * very hidden stamp (catalog version, year, county).
 */
public final class TemplateWriter {

    private final TownRegistry towns;
    private final CatalogRepository catalogs;

    public TemplateWriter(TownRegistry towns, CatalogRepository catalogs) {
        this.towns = towns;
        this.catalogs = catalogs;
    }

    /** The template's file name, e.g. {@code 强镇申报-2025-冠县.xlsx}; ASCII-free names are fine for browsers. */
    public String fileName(int year, String countyCode) {
        String scope = countyCode == null ? "全市" : towns.county(countyCode).name();
        return "强镇申报-" + year + "-" + scope + ".xlsx";
    }

    /** The workbook for a year, for one county or ({@code countyCode} null) for the whole city. */
    public byte[] write(int year, String countyCode) {
        Catalog catalog = catalogs.forYear(year);
        List<DeclaredItem> items = DeclaredItem.of(catalog);
        List<Town> scope = towns.towns().stream()
                .filter(t -> countyCode == null || t.countyCode().equals(towns.county(countyCode).code())).toList();
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            writeInstructions(wb.createSheet(TemplateLayout.INSTRUCTIONS_SHEET), styles, catalog, year, countyCode, items);
            writeData(wb.createSheet(TemplateLayout.DATA_SHEET), styles, items, scope);
            writeStamp(wb, new TemplateStamp(TemplateStamp.FORMAT_VERSION, catalog.id(), catalog.version(), year,
                    countyCode == null ? TemplateStamp.WHOLE_CITY : countyCode));
            wb.setActiveSheet(1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("无法生成申报模板", e);
        }
    }

    private void writeInstructions(Sheet sheet, Styles styles, Catalog catalog, int year, String countyCode,
                                   List<DeclaredItem> items) {
        String scope = countyCode == null ? "全市" : towns.county(countyCode).name();
        String[] lines = {
            "聊城市民营经济高质量发展强镇 " + year + " 年度指标申报表（" + scope + "）",
            "指标体系：" + catalog.name().zh() + "，版本 " + catalog.version(),
            "1. 请在“" + TemplateLayout.DATA_SHEET + "”工作表中按乡镇逐行填写，不要修改、删除或移动乡镇代码、表头和隐藏行。",
            "2. 只填写数字（可带千位分隔符），单位以表头括号内为准；百分比指标填写百分数（如 65.5 表示 65.5%）。",
            "3. 没有数据的单元格请留空，不要填 0；留空表示本次不更新该值。标“必填”的指标在填报的乡镇中不能留空。",
            "4. 不要使用公式、合并单元格或增加工作表；如用公式，系统将使用其计算结果并给出警告。",
            "5. 上传后系统逐格校验，任何错误都会使整份文件不被接受，请按校验报告修改后重新上传。",
            "6. 每次接受的数据形成一个新版本，旧版本保留可查、可恢复。",
        };
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            DeclaredItem item = items.get(i);
            rows.add(Arrays.asList(i + 1, FormulaGuard.neutralised(item.name()), FormulaGuard.neutralised(item.unit()),
                    FormulaGuard.neutralised(item.help()), NumberText.plain(item.min()) + " ～ " + NumberText.plain(item.max()),
                    item.required() ? "必填" : "", item.id()));
        }
        TemplateSheets.writeInstructions(sheet, styles.title, styles.header, List.of(lines),
                List.of("序号", "指标名称", "单位", "填报说明", "取值范围", "是否必填", "指标代码"), rows);
        sheet.setColumnWidth(1, 30 * 256);
        sheet.setColumnWidth(3, 50 * 256);
        sheet.setColumnWidth(4, 22 * 256);
        sheet.setColumnWidth(6, 30 * 256);
    }

    private void writeData(Sheet sheet, Styles styles, List<DeclaredItem> items, List<Town> scope) {
        Row header = sheet.createRow(TemplateLayout.HEADER_ROW);
        Row keys = sheet.createRow(TemplateLayout.KEY_ROW);
        for (int c = 0; c < TemplateLayout.TOWN_KEYS.size(); c++) {
            header.createCell(c).setCellValue(TemplateLayout.TOWN_HEADERS.get(c));
            header.getCell(c).setCellStyle(styles.header);
            keys.createCell(c).setCellValue(TemplateLayout.TOWN_KEYS.get(c));
        }
        int first = TemplateLayout.TOWN_KEYS.size();
        for (int i = 0; i < items.size(); i++) {
            DeclaredItem item = items.get(i);
            header.createCell(first + i).setCellValue(FormulaGuard.neutralised(item.header() + (item.required() ? " *必填" : "")));
            header.getCell(first + i).setCellStyle(styles.header);
            keys.createCell(first + i).setCellValue(item.id());
            sheet.setColumnWidth(first + i, 18 * 256);
        }
        keys.setZeroHeight(true);
        header.setHeightInPoints(48);
        int r = TemplateLayout.FIRST_DATA_ROW;
        for (Town town : scope) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(town.code());
            row.createCell(1).setCellValue(FormulaGuard.neutralised(town.countyName()));
            row.createCell(2).setCellValue(FormulaGuard.neutralised(town.name()));
            for (int c = 0; c < 3; c++) {
                row.getCell(c).setCellStyle(styles.townCell);
            }
            for (int i = 0; i < items.size(); i++) {
                row.createCell(first + i).setCellStyle(styles.input);
            }
        }
        sheet.setColumnWidth(0, 15 * 256);
        sheet.setColumnWidth(1, 12 * 256);
        sheet.setColumnWidth(2, 16 * 256);
        sheet.createFreezePane(first, TemplateLayout.FIRST_DATA_ROW);
        addValidations(sheet, items, first, TemplateLayout.FIRST_DATA_ROW, Math.max(r - 1, TemplateLayout.FIRST_DATA_ROW));
    }

    /** Excel refuses a non-number or an out-of-range number as it is typed; the upload checks again. */
    private static void addValidations(Sheet sheet, List<DeclaredItem> items, int firstColumn, int firstRow, int lastRow) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int i = 0; i < items.size(); i++) {
            DeclaredItem item = items.get(i);
            DataValidationConstraint range = helper.createDecimalConstraint(
                    DataValidationConstraint.OperatorType.BETWEEN, NumberText.plain(item.min()), NumberText.plain(item.max()));
            int column = firstColumn + i;
            DataValidation validation = helper.createValidation(range,
                    new CellRangeAddressList(firstRow, lastRow, column, column));
            validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
            validation.setShowErrorBox(true);
            validation.createErrorBox("数值无效", item.name() + "应为 " + NumberText.plain(item.min()) + " 到 " + NumberText.plain(item.max())
                    + " 之间的数字（单位：" + item.unit() + "）");
            validation.setShowPromptBox(true);
            validation.createPromptBox(truncate(item.name(), 32), truncate(item.help() + " 单位：" + item.unit()
                    + (item.required() ? "，必填" : ""), 255));
            validation.setEmptyCellAllowed(true);
            sheet.addValidationData(validation);
        }
    }

    private static void writeStamp(XSSFWorkbook wb, TemplateStamp stamp) {
        Sheet sheet = wb.createSheet(TemplateStamp.SHEET);
        String[][] pairs = {
            {"format_version", String.valueOf(stamp.formatVersion())},
            {"catalog_id", stamp.catalogId()},
            {"catalog_version", stamp.catalogVersion()},
            {"year", String.valueOf(stamp.year())},
            {"county", stamp.countyCode()},
            {"generated_at", LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)},
        };
        for (int r = 0; r < pairs.length; r++) {
            Row row = sheet.createRow(r);
            row.createCell(0).setCellValue(pairs[r][0]);
            row.createCell(1).setCellValue(pairs[r][1]);
        }
        wb.setSheetVisibility(wb.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** Cell styles are workbook-wide objects; create each once. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle townCell;
        final CellStyle input;

        Styles(XSSFWorkbook wb) {
            title = TemplateSheets.titleStyle(wb);
            header = TemplateSheets.headerStyle(wb);
            townCell = wb.createCellStyle();
            townCell.setDataFormat(wb.createDataFormat().getFormat("@"));
            townCell.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
            townCell.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            input = wb.createCellStyle();
            input.setDataFormat(wb.createDataFormat().getFormat("#,##0.##"));
        }
    }
}
