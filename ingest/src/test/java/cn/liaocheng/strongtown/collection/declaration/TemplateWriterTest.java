package cn.liaocheng.strongtown.collection.declaration;

import static cn.liaocheng.strongtown.collection.CollectionFixture.ITEMS;
import static cn.liaocheng.strongtown.collection.CollectionFixture.TEMPLATES;
import static cn.liaocheng.strongtown.collection.CollectionFixture.TOWNS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.collection.CollectionFixture;
import cn.liaocheng.strongtown.collection.reading.TemplateLayout;
import cn.liaocheng.strongtown.collection.reading.TemplateStamp;
import cn.liaocheng.strongtown.town.Town;

class TemplateWriterTest {

    @Test
    void cityTemplateListsEveryTownWithCountyAndEveryDeclaredItem() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(TEMPLATES.write(2025, null)))) {
            Sheet data = wb.getSheet(TemplateLayout.DATA_SHEET);
            assertThat(data.getLastRowNum() + 1 - TemplateLayout.FIRST_DATA_ROW).isEqualTo(136);
            Town first = TOWNS.towns().get(0);
            assertThat(data.getRow(2).getCell(0).getStringCellValue()).isEqualTo(first.code());
            assertThat(data.getRow(2).getCell(1).getStringCellValue()).isEqualTo(first.countyName());
            assertThat(data.getRow(2).getCell(2).getStringCellValue()).isEqualTo(first.name());
            assertThat(data.getRow(0).getCell(3).getStringCellValue()).isEqualTo(ITEMS.get(0).header() + " *必填");
            assertThat(data.getRow(1).getZeroHeight()).isTrue();
            assertThat(data.getRow(0).getLastCellNum()).isEqualTo((short) (3 + ITEMS.size()));
            assertThat(wb.getSheet(TemplateLayout.INSTRUCTIONS_SHEET).getRow(0).getCell(0).getStringCellValue())
                    .contains("2025 年度").contains("全市");
        }
    }

    @Test
    void everyItemColumnValidatesNumbersWithinTheCatalogRange() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(TEMPLATES.write(2025, null)))) {
            var validations = wb.getSheet(TemplateLayout.DATA_SHEET).getDataValidations();
            assertThat(validations).hasSize(ITEMS.size());
            DataValidation gdp = validations.stream()
                    .filter(v -> v.getPromptBoxTitle().equals("地区生产总值")).findFirst().orElseThrow();
            assertThat(gdp.getValidationConstraint().getFormula1()).isEqualTo("1000");
            assertThat(gdp.getValidationConstraint().getFormula2()).isEqualTo("50000000");
            assertThat(gdp.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
        }
    }

    @Test
    void stampIsVeryHiddenAndNamesYearCatalogAndCounty() throws Exception {
        String county = TOWNS.counties().get(5).code();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(TEMPLATES.write(2024, county)))) {
            int stamp = wb.getSheetIndex(TemplateStamp.SHEET);
            assertThat(wb.getSheetVisibility(stamp)).isEqualTo(SheetVisibility.VERY_HIDDEN);
            Sheet sheet = wb.getSheetAt(stamp);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo(CollectionFixture.CATALOGS.forYear(2024).version());
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("2024");
            assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo(county);
            long towns = TOWNS.towns().stream().filter(t -> t.countyCode().equals(county)).count();
            assertThat(wb.getSheet(TemplateLayout.DATA_SHEET).getLastRowNum() + 1 - TemplateLayout.FIRST_DATA_ROW)
                    .isEqualTo((int) towns);
        }
    }

    @Test
    void fileNameSaysYearAndScope() {
        assertThat(TEMPLATES.fileName(2025, null)).isEqualTo("强镇申报-2025-全市.xlsx");
        assertThat(TEMPLATES.fileName(2025, "371525")).isEqualTo("强镇申报-2025-冠县.xlsx");
    }
}
