package cn.liaocheng.strongtown.collection.declaration;

import static cn.liaocheng.strongtown.collection.CollectionFixture.CATALOGS;
import static cn.liaocheng.strongtown.collection.CollectionFixture.FIRST_ROW;
import static cn.liaocheng.strongtown.collection.CollectionFixture.TEMPLATES;
import static cn.liaocheng.strongtown.collection.CollectionFixture.TOWNS;
import static cn.liaocheng.strongtown.collection.CollectionFixture.YEAR;
import static cn.liaocheng.strongtown.collection.CollectionFixture.cell;
import static cn.liaocheng.strongtown.collection.CollectionFixture.column;
import static cn.liaocheng.strongtown.collection.CollectionFixture.data;
import static cn.liaocheng.strongtown.collection.CollectionFixture.digest;
import static cn.liaocheng.strongtown.collection.CollectionFixture.edit;
import static cn.liaocheng.strongtown.collection.CollectionFixture.filledCityTemplate;
import static cn.liaocheng.strongtown.collection.CollectionFixture.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.liaocheng.strongtown.collection.IntakeResult;
import cn.liaocheng.strongtown.collection.UploadedFile;
import cn.liaocheng.strongtown.collection.reading.TemplateLayout;
import cn.liaocheng.strongtown.collection.reading.TemplateStamp;
import cn.liaocheng.strongtown.collection.reading.UploadGuard;
import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.town.Town;

/**
 * Malformed and hostile inputs, each with the error it must produce; none may change a single byte
 * of a lake that already holds accepted revisions.
 */
class BadInputCorpusTest {

    private static Path root;
    private static DeclarationIntake intake;
    private static final Town FIRST = TOWNS.towns().get(0);
    private static final String GDP = "地区生产总值（万元）";
    private static final String POP = "常住人口（万人）";
    private static final Charset GBK = Charset.forName("GBK");

    @BeforeAll
    static void lakeWithAcceptedRevisions() throws IOException {
        root = Files.createTempDirectory("strongtown-corpus");
        intake = new DeclarationIntake(TOWNS, CATALOGS, new Lake(root));
        assertThat(intake.submit(UploadedFile.of("2024.xlsx", filledCityTemplate(YEAR - 1, 4, 0)), YEAR - 1, "office").accepted()).isTrue();
        assertThat(intake.submit(UploadedFile.of("2025.xlsx", filledCityTemplate(YEAR, 4, 1)), YEAR, "office").accepted()).isTrue();
    }

    @AfterAll
    static void cleanUp() {
        AtomicFiles.deleteTree(root);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void rejectsWithItsMessageAndChangesNothing(String name, Supplier<UploadedFile> input, String expected) {
        Map<String, String> before = digest(root);
        IntakeResult result = intake.submit(input.get(), YEAR, "office");
        assertThat(result.outcome()).as(result.report().toText()).isEqualTo(IntakeResult.Outcome.REJECTED);
        assertThat(result.report().errors()).as(result.report().toText())
                .anySatisfy(f -> assertThat(f.toLine()).contains(expected));
        assertThat(digest(root)).isEqualTo(before);
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                // the container
                bad("empty file", () -> file("a.xlsx", new byte[0]), "文件为空"),
                bad("unsupported extension", () -> file("a.txt", "x".getBytes()), "只接受 .xlsx 或 .csv"),
                bad("no extension", () -> file("upload", "x".getBytes()), "无扩展名"),
                bad("old xls", () -> file("a.xls", ole()), "不支持旧版 Excel"),
                bad("macro workbook", () -> file("a.xlsm", city()), "含宏"),
                bad("xlsx name, CSV content", () -> file("a.xlsx", "乡镇代码,GDP\n1,2\n".getBytes(StandardCharsets.UTF_8)), "文件头不符"),
                bad("xlsx name, OLE content", () -> file("a.xlsx", ole()), "旧版 Excel"),
                bad("csv name, workbook content", () -> file("a.csv", city()), "文件内容是 Excel 工作簿"),
                bad("truncated workbook", () -> file("a.xlsx", Arrays.copyOf(city(), city().length / 2)), "工作簿已损坏"),
                bad("zip that is no workbook", () -> file("a.xlsx", zip(Map.of("hello.txt", "hi".getBytes()))), "无法读取工作簿"),
                bad("XXE workbook", () -> file("a.xlsx", withEntity(city())), "DOCTYPE"),
                bad("zip bomb", () -> file("a.xlsx", zip(Map.of("xl/worksheets/sheet1.xml", new byte[60 * 1024 * 1024]))), "疑为压缩炸弹"),
                bad("too many zip entries", () -> file("a.xlsx", manyEntries(400)), "内部文件过多"),
                bad("oversized upload", () -> file("a.csv", new byte[(int) UploadGuard.MAX_UPLOAD_BYTES + 1]), "文件过大"),
                // the template
                bad("stamp removed", () -> xlsx(city(), wb -> wb.removeSheetAt(wb.getSheetIndex(TemplateStamp.SHEET))), "找不到模板标记"),
                bad("template of another year", () -> file("a.xlsx", filledCityTemplate(YEAR - 1, 1, 0)), "这是 2024 年度的模板"),
                bad("catalog version tampered", () -> xlsx(city(), wb -> set(wb.getSheet(TemplateStamp.SHEET), "B3", "1999.9")), "请重新下载模板"),
                bad("stamp county unknown", () -> xlsx(city(), wb -> set(wb.getSheet(TemplateStamp.SHEET), "B5", "999999")), "县（市、区）代码“999999”未知"),
                bad("stamp year not a number", () -> xlsx(city(), wb -> set(wb.getSheet(TemplateStamp.SHEET), "B4", "明年")), "模板标记已损坏"),
                bad("data sheet renamed", () -> xlsx(city(), wb -> wb.setSheetName(wb.getSheetIndex(TemplateLayout.DATA_SHEET), "Sheet1")), "缺少“申报数据”工作表"),
                // the cells
                bad("text in a number cell", () -> xlsx(city(), wb -> set(data(wb), column("gdp") + FIRST_ROW, "约100万")), "不是数值"),
                bad("misplaced thousands separators", () -> xlsx(city(), wb -> set(data(wb), column("gdp") + FIRST_ROW, "1,23,456")), "千位分隔符位置不正确"),
                bad("full-width text mixed with digits", () -> xlsx(city(), wb -> set(data(wb), column("gdp") + FIRST_ROW, "１２三")), "不是数值"),
                bad("negative count", () -> xlsx(city(), wb -> set(data(wb), column("invention_patents") + FIRST_ROW, -3)), "超出合理范围"),
                bad("value above the valid range", () -> xlsx(city(), wb -> set(data(wb), column("gdp") + FIRST_ROW, 9e12)), "超出合理范围 1000 ～ 50000000"),
                bad("percentage above 100", () -> xlsx(city(), wb -> set(data(wb), column("good_air_days_ratio") + FIRST_ROW, "120%")), "超出合理范围"),
                bad("percent sign on an amount", () -> xlsx(city(), wb -> set(data(wb), column("gdp") + FIRST_ROW, "12%")), "不能填写百分数"),
                bad("required cell left blank", () -> xlsx(city(), wb -> cell(data(wb), column("resident_population") + FIRST_ROW).setBlank()), "必填指标未填写"),
                bad("formula without a cached value", () -> xlsx(city(), wb -> {
                    var c = cell(data(wb), column("gdp") + FIRST_ROW);
                    c.setBlank();
                    c.setCellFormula("1000*3");
                }), "公式没有计算结果"),
                bad("formula with an error value", () -> xlsx(city(), wb -> {
                    var c = cell(data(wb), column("gdp") + FIRST_ROW);
                    c.setCellFormula("1/0");
                    c.setCellErrorValue(FormulaError.DIV0.getCode());
                }), "#DIV/0!"),
                bad("error value typed in", () -> xlsx(city(), wb -> cell(data(wb), column("gdp") + FIRST_ROW).setCellErrorValue(FormulaError.NA.getCode())), "错误值"),
                bad("boolean in a number cell", () -> xlsx(city(), wb -> set(data(wb), column("gdp") + FIRST_ROW, true)), "不是数值"),
                bad("merged cells in the data area", () -> xlsx(city(), wb -> data(wb).addMergedRegion(CellRangeAddress.valueOf("D3:E3"))), "合并单元格"),
                // the towns
                bad("unknown town code", () -> xlsx(city(), wb -> set(data(wb), "A" + FIRST_ROW, "371599999000")), "未知的乡镇代码"),
                bad("malformed town code", () -> xlsx(city(), wb -> set(data(wb), "A" + FIRST_ROW, "37150200100")), "12 位数字"),
                bad("code and name disagree", () -> xlsx(city(), wb -> set(data(wb), "C" + FIRST_ROW, TOWNS.towns().get(1).name())), "不一致"),
                bad("town twice", () -> xlsx(city(), wb -> {
                    set(data(wb), "A" + (FIRST_ROW + 1), FIRST.code());
                    set(data(wb), "C" + (FIRST_ROW + 1), FIRST.name());
                }), "乡镇重复"),
                bad("values without any town", () -> xlsx(city(), wb -> {
                    set(data(wb), "A" + FIRST_ROW, "");
                    set(data(wb), "C" + FIRST_ROW, "");
                }), "没有乡镇代码或名称"),
                bad("town of another county in a county template", () -> countyTemplateWithForeignTown(), "不属于本模板所属的"),
                // the columns
                bad("header in an unrelated unit", () -> xlsx(city(), wb -> set(data(wb), column("gdp") + 1, "地区生产总值（个）")), "与指标单位“万元”不符"),
                bad("same indicator twice", () -> csv("乡镇代码,乡镇名称," + POP + "," + GDP + "," + GDP + "\n" + FIRST.code() + "," + FIRST.name() + ",30,1000,2000\n", StandardCharsets.UTF_8), "指标列重复"),
                bad("required column missing", () -> csv("乡镇代码," + GDP + "\n" + FIRST.code() + ",5000\n", StandardCharsets.UTF_8), "缺少必填指标列"),
                bad("no town column", () -> csv(POP + "," + GDP + "\n30,5000\n", StandardCharsets.UTF_8), "缺少“乡镇代码”或“乡镇名称”列"),
                // CSV specifics
                bad("GBK CSV with text in a number", () -> csv("乡镇代码,乡镇名称," + POP + "," + GDP + "\n" + FIRST.code() + "," + FIRST.name() + ",30,一千\n", GBK), "“一千”"),
                bad("undecodable bytes", () -> file("a.csv", new byte[] {'a', ',', 'b', '\n', (byte) 0xFF, (byte) 0xFE, (byte) 0xFF, (byte) 0x80, '\n'}), "无法识别文件编码"),
                bad("UTF-16 text", () -> file("a.csv", "乡镇代码,GDP\n".getBytes(StandardCharsets.UTF_16LE)), "二进制内容"),
                bad("header only", () -> csv("乡镇代码,乡镇名称," + POP + "," + GDP + "\n", StandardCharsets.UTF_8), "没有任何填报数值"),
                bad("unbalanced quotes", () -> csv("乡镇代码,乡镇名称," + POP + "\n\"" + FIRST.code() + ",x,3\n", StandardCharsets.UTF_8), "CSV 格式错误"),
                bad("year column disagrees", () -> csv("年度,乡镇代码," + POP + "," + GDP + "\n2023," + FIRST.code() + ",30,5000\n", StandardCharsets.UTF_8), "年度与本次上传的年度 2025 不一致"),
                bad("unknown town name", () -> csv("乡镇名称,县（市、区）," + POP + "," + GDP + "\n不存在镇,冠县,30,5000\n", StandardCharsets.UTF_8), "未知的乡镇“不存在镇”"),
                bad("town name in the wrong county", () -> csv("乡镇名称,县（市、区）," + POP + "," + GDP + "\n" + FIRST.name() + ",冠县,30,5000\n", StandardCharsets.UTF_8), "无匹配"),
                bad("yuan header converts below the valid range", () -> csv("乡镇代码," + POP + ",地区生产总值（元）\n" + FIRST.code() + ",30,5000\n", StandardCharsets.UTF_8), "换算为万元后为 0.5"));
    }

    /**
     * Damaged and hostile containers whose reason comes from an exception: the message is Chinese only —
     * no exception class name or English exception message (which once read "…：Unexpected end of ZLIB
     * input stream" and "…：POIXMLException").
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("exceptionCorpus")
    void givesTheReasonWithoutExceptionText(String name, Supplier<UploadedFile> input) {
        IntakeResult result = intake.submit(input.get(), YEAR, "office");
        assertThat(result.outcome()).isEqualTo(IntakeResult.Outcome.REJECTED);
        assertThat(result.report().errors()).isNotEmpty().allSatisfy(f -> {
            String reason = f.toLine();
            // the words a Chinese message may name; anything else in Latin letters is foreign text
            String rest = reason.replaceAll("CSV|Excel|xlsx|XML|DOCTYPE|UTF-8|GBK", "");
            assertThat(rest).as(reason).doesNotContainPattern("[A-Za-z]{2,}");
            assertThat(reason).as(reason).doesNotContain("Exception", "ZLIB", "stream");
        });
    }

    static Stream<Arguments> exceptionCorpus() {
        return Stream.of(
                Arguments.of("truncated workbook", (Supplier<UploadedFile>) () -> file("a.xlsx", Arrays.copyOf(city(), city().length / 2))),
                Arguments.of("workbook cut inside its first entry", (Supplier<UploadedFile>) () -> file("a.xlsx", Arrays.copyOf(city(), 200))),
                Arguments.of("XXE workbook", (Supplier<UploadedFile>) () -> file("a.xlsx", withEntity(city()))),
                Arguments.of("zip that is no workbook", (Supplier<UploadedFile>) () -> file("a.xlsx", zip(Map.of("hello.txt", "hi".getBytes())))),
                Arguments.of("broken sheet XML", (Supplier<UploadedFile>) () -> file("a.xlsx", replaceEntry(city(), "xl/workbook.xml", "<workbook><sheets>".getBytes(StandardCharsets.UTF_8)))),
                Arguments.of("unbalanced quotes", (Supplier<UploadedFile>) () -> csv("乡镇代码,乡镇名称," + POP + "\n\"" + FIRST.code() + ",x,3\n", StandardCharsets.UTF_8)));
    }

    /** The workbook with an external-entity DOCTYPE in its workbook part (an XXE probe). */
    private static byte[] withEntity(byte[] workbook) {
        String xxe = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE workbook [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n";
        return replaceEntry(workbook, "xl/workbook.xml", null, xxe);
    }

    private static byte[] replaceEntry(byte[] workbook, String entryName, byte[] content) {
        return replaceEntry(workbook, entryName, content, null);
    }

    /** Copies the zip, replacing one entry's content, or (with a prolog) swapping its XML declaration for it. */
    private static byte[] replaceEntry(byte[] workbook, String entryName, byte[] content, String prolog) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(workbook));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(entryName)) {
                    if (prolog != null) {
                        String xml = new String(bytes, StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>\\s*", "");
                        bytes = (prolog + xml).getBytes(StandardCharsets.UTF_8);
                    } else {
                        bytes = content;
                    }
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Arguments bad(String name, Supplier<UploadedFile> input, String expected) {
        return Arguments.of(name, input, expected);
    }

    private static byte[] cityTemplate;

    /** The city template with four towns filled in (built once; inputs edit copies of it). */
    private static byte[] city() {
        if (cityTemplate == null) {
            cityTemplate = filledCityTemplate(YEAR, 4, 2);
        }
        return cityTemplate;
    }

    private static UploadedFile file(String name, byte[] content) {
        return UploadedFile.of(name, content);
    }

    private static UploadedFile xlsx(byte[] base, java.util.function.Consumer<org.apache.poi.xssf.usermodel.XSSFWorkbook> change) {
        return file("申报.xlsx", edit(base, change));
    }

    private static UploadedFile csv(String text, Charset charset) {
        return file("申报.csv", text.getBytes(charset));
    }

    private static UploadedFile countyTemplateWithForeignTown() {
        String county = TOWNS.counties().get(3).code();
        Town foreign = TOWNS.towns().stream().filter(t -> !t.countyCode().equals(county)).findFirst().orElseThrow();
        byte[] template = TEMPLATES.write(YEAR, county);
        return xlsx(template, wb -> {
            int row = data(wb).getLastRowNum() + 2;
            set(data(wb), "A" + row, foreign.code());
            set(data(wb), "C" + row, foreign.name());
            set(data(wb), column("resident_population") + row, 30);
            set(data(wb), column("gdp") + row, 50000);
        });
    }

    private static byte[] ole() {
        byte[] b = new byte[512];
        b[0] = (byte) 0xD0;
        b[1] = (byte) 0xCF;
        b[2] = 0x11;
        b[3] = (byte) 0xE0;
        return b;
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] manyEntries(int n) {
        Map<String, byte[]> entries = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            entries.put("x/" + i + ".xml", new byte[] {'<', 'a', '/', '>'});
        }
        return zip(entries);
    }

    static List<String> names() {
        return corpus().map(a -> (String) a.get()[0]).toList();
    }
}
