package cn.liaocheng.strongtown.dashboard.collection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.collection.declaration.DeclarationIntake;
import cn.liaocheng.strongtown.collection.declaration.DeclaredItem;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.town.TownRegistry;

/** Fills downloaded templates for collection tests, from the values the lake holds now. */
public final class CollectionFixture {

    private final StrongTownProperties properties;

    public CollectionFixture(StrongTownProperties properties) {
        this.properties = properties;
    }

    /** Current values of a year by "town/indicator". */
    public Map<String, Double> current(int year) {
        return new DeclarationIntake(towns(), catalogs(), new Lake(properties.lake())).currentValues(year);
    }

    /** A money item every catalog declares: the one a test changes. */
    public static final String CHANGED_ITEM = "private_tax_revenue";

    /**
     * The template with the town's row filled in with the values the lake holds; with {@code change},
     * {@link #CHANGED_ITEM} changed by it (the others as they are).
     */
    public byte[] fill(byte[] template, int year, String townCode, DoubleUnaryOperator change) {
        Map<String, Double> current = current(year);
        List<DeclaredItem> items = DeclaredItem.of(catalogs().forYear(year));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = townRow(wb.getSheet("申报数据"), townCode);
            for (int i = 0; i < items.size(); i++) {
                Double value = current.get(townCode + "/" + items.get(i).id());
                if (value != null) {
                    boolean changed = change != null && items.get(i).id().equals(CHANGED_ITEM);
                    row.getCell(3 + i).setCellValue(changed ? change.applyAsDouble(value) : value);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template's row of the town (code in the first column). */
    public static Row townRow(Sheet sheet, String townCode) {
        for (Row r : sheet) {
            if (r.getCell(0) != null && townCode.equals(r.getCell(0).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row for " + townCode + " in the template");
    }

    private TownRegistry towns() {
        return TownRegistry.load(properties.data().resolve("reference"));
    }

    private CatalogRepository catalogs() {
        return CatalogRepository.load(properties.data().resolve("catalog"));
    }
}
