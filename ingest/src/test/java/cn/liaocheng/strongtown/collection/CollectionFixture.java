package cn.liaocheng.strongtown.collection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.collection.declaration.DeclaredItem;
import cn.liaocheng.strongtown.collection.declaration.TemplateWriter;
import cn.liaocheng.strongtown.collection.reading.TemplateLayout;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.town.TownRegistry;

/** Shared test data: the real reference towns and catalog, templates filled in with POI, lake digests. */
public final class CollectionFixture {

    public static final Path DATA = DataDir.locate();
    public static final TownRegistry TOWNS = TownRegistry.load(DATA.resolve("reference"));
    public static final CatalogRepository CATALOGS = CatalogRepository.load(DATA.resolve("catalog"));
    public static final int YEAR = 2025;
    public static final List<DeclaredItem> ITEMS = DeclaredItem.of(CATALOGS.forYear(YEAR));
    public static final TemplateWriter TEMPLATES = new TemplateWriter(TOWNS, CATALOGS);
    /** First data row of the template in Excel numbering. */
    public static final int FIRST_ROW = TemplateLayout.FIRST_DATA_ROW + 1;
    public static final int FIRST_ITEM_COLUMN = TemplateLayout.TOWN_KEYS.size();

    private CollectionFixture() {
    }

    /** A plausible value of an item, well inside its valid range. */
    public static double typical(DeclaredItem item, int variant) {
        if (item.percent()) {
            return 40 + variant;
        }
        return Math.round((item.min() + (item.max() - item.min()) / 500.0) * (1 + variant / 10.0) * 100) / 100.0;
    }

    /** Excel column letter of an item in the template. */
    public static String column(String itemId) {
        for (int i = 0; i < ITEMS.size(); i++) {
            if (ITEMS.get(i).id().equals(itemId)) {
                return TemplateLayout.columnLetter(FIRST_ITEM_COLUMN + i);
            }
        }
        throw new IllegalArgumentException(itemId);
    }

    /** The city template with every item of the first {@code towns} towns filled in. */
    public static byte[] filledCityTemplate(int year, int towns, int variant) {
        return edit(TEMPLATES.write(year, null), wb -> {
            Sheet sheet = wb.getSheet(TemplateLayout.DATA_SHEET);
            for (int t = 0; t < towns; t++) {
                for (int i = 0; i < ITEMS.size(); i++) {
                    set(sheet, TemplateLayout.columnLetter(FIRST_ITEM_COLUMN + i) + (FIRST_ROW + t),
                            typical(ITEMS.get(i), variant + t));
                }
            }
        });
    }

    public static byte[] edit(byte[] workbook, Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(wb);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Cell cell(Sheet sheet, String ref) {
        CellReference at = new CellReference(ref);
        Row row = sheet.getRow(at.getRow()) != null ? sheet.getRow(at.getRow()) : sheet.createRow(at.getRow());
        Cell cell = row.getCell(at.getCol());
        return cell != null ? cell : row.createCell(at.getCol());
    }

    public static void set(Sheet sheet, String ref, Object value) {
        Cell cell = cell(sheet, ref);
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else {
            cell.setCellValue(String.valueOf(value));
        }
    }

    public static Sheet data(XSSFWorkbook wb) {
        return wb.getSheet(TemplateLayout.DATA_SHEET);
    }

    /** Every file of a folder with its SHA-256, to prove that a rejected input changed nothing. */
    public static Map<String, String> digest(Path root) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), UploadedFile.sha256(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
