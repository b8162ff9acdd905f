package cn.liaocheng.strongtown.collection.declaration;

import static cn.liaocheng.strongtown.collection.CollectionFixture.CATALOGS;
import static cn.liaocheng.strongtown.collection.CollectionFixture.FIRST_ROW;
import static cn.liaocheng.strongtown.collection.CollectionFixture.ITEMS;
import static cn.liaocheng.strongtown.collection.CollectionFixture.TOWNS;
import static cn.liaocheng.strongtown.collection.CollectionFixture.YEAR;
import static cn.liaocheng.strongtown.collection.CollectionFixture.column;
import static cn.liaocheng.strongtown.collection.CollectionFixture.data;
import static cn.liaocheng.strongtown.collection.CollectionFixture.digest;
import static cn.liaocheng.strongtown.collection.CollectionFixture.edit;
import static cn.liaocheng.strongtown.collection.CollectionFixture.filledCityTemplate;
import static cn.liaocheng.strongtown.collection.CollectionFixture.set;
import static cn.liaocheng.strongtown.collection.CollectionFixture.typical;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.collection.AuditEvent;
import cn.liaocheng.strongtown.collection.CollectionFixture;
import cn.liaocheng.strongtown.collection.IntakeResult;
import cn.liaocheng.strongtown.collection.UploadedFile;
import cn.liaocheng.strongtown.collection.ValidationReport;
import cn.liaocheng.strongtown.lake.Lake;

class DeclarationIntakeTest {

    @TempDir
    Path root;

    private DeclarationIntake intake() {
        return new DeclarationIntake(TOWNS, CATALOGS, new Lake(root));
    }

    private static String firstTown() {
        return TOWNS.towns().get(0).code();
    }

    @Test
    void acceptsAFilledTemplateAsTheFirstRevision() {
        IntakeResult result = intake().submit(UploadedFile.of("申报.xlsx", filledCityTemplate(YEAR, 3, 0)), YEAR, "office");
        assertThat(result.outcome()).as(result.report().toText()).isEqualTo(IntakeResult.Outcome.ACCEPTED);
        assertThat(result.revision()).isEqualTo(1);
        assertThat(result.changes()).hasSize(3 * ITEMS.size());
        Map<String, Double> current = intake().currentValues(YEAR);
        DeclaredItem gdp = ITEMS.stream().filter(i -> i.id().equals("gdp")).findFirst().orElseThrow();
        assertThat(current).containsEntry(firstTown() + "/gdp", typical(gdp, 0));
        assertThat(root.resolve("raw/declarations/year=2025/rev-000001.parquet")).isRegularFile();
        assertThat(intake().auditLog().events()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("accept");
            assertThat(e.user()).isEqualTo("office");
            assertThat(e.fileName()).isEqualTo("申报.xlsx");
            assertThat(e.changedRows()).isEqualTo(3L * ITEMS.size());
        });
        assertThat(root.resolve("uploads").resolve(result.report().sha256() + ".xlsx")).isRegularFile();
        assertThat(root.resolve(".staging")).doesNotExist();
    }

    @Test
    void aCountysOwnCheckRefusesOtherCountiesRowsAndTemplatesAndWritesNothing() {
        byte[] cityWide = filledCityTemplate(YEAR, 3, 0);
        String own = TOWNS.towns().get(0).countyCode();
        String other = TOWNS.counties().stream().map(c -> c.code()).filter(c -> !c.equals(own)).findFirst().orElseThrow();
        assertThat(intake().check(UploadedFile.of("全市.xlsx", cityWide), YEAR).hasErrors()).isFalse();
        ValidationReport asOther = intake().check(UploadedFile.of("全市.xlsx", cityWide), YEAR, other);
        assertThat(asOther.errors()).isNotEmpty().allMatch(f -> f.reason().contains("不属于"));
        byte[] ownTemplate = CollectionFixture.TEMPLATES.write(YEAR, own);
        assertThat(intake().check(UploadedFile.of("本县.xlsx", ownTemplate), YEAR, other).errors())
                .anyMatch(f -> f.reason().contains("只能上传本县"));
        assertThat(intake().check(UploadedFile.of("本县.xlsx", ownTemplate), YEAR, own).errors())
                .noneMatch(f -> f.reason().contains("只能上传本县"));
        assertThat(root.resolve("raw")).doesNotExist();
    }

    @Test
    void sameFileTwiceChangesNothing() {
        byte[] file = filledCityTemplate(YEAR, 2, 0);
        intake().submit(UploadedFile.of("a.xlsx", file), YEAR, "office");
        Map<String, String> before = digest(root);
        IntakeResult again = intake().submit(UploadedFile.of("a-copy.xlsx", file), YEAR, "office");
        assertThat(again.outcome()).isEqualTo(IntakeResult.Outcome.UNCHANGED);
        assertThat(again.message()).contains("完全一致");
        assertThat(digest(root)).isEqualTo(before);
    }

    @Test
    void aNewRevisionKeepsOnlyChangedValuesWithOldAndNew() {
        intake().submit(UploadedFile.of("a.xlsx", filledCityTemplate(YEAR, 2, 0)), YEAR, "office");
        byte[] corrected = edit(filledCityTemplate(YEAR, 2, 0), wb -> set(data(wb), column("gdp") + FIRST_ROW, 123456));
        IntakeResult second = intake().submit(UploadedFile.of("b.xlsx", corrected), YEAR, "county");
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.changes()).singleElement().satisfies(c -> {
            assertThat(c.indicatorId()).isEqualTo("gdp");
            assertThat(c.newValue()).isEqualTo(123456.0);
        });
        assertThat(intake().changes(YEAR, 2)).singleElement()
                .satisfies(c -> assertThat(c.oldValue()).isEqualTo(second.changes().get(0).oldValue()));
        assertThat(intake().revisions(YEAR)).extracting(RevisionInfo::revision, RevisionInfo::submittedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "office"), org.assertj.core.groups.Tuple.tuple(2, "county"));
        assertThat(intake().currentValues(YEAR)).containsEntry(firstTown() + "/gdp", 123456.0);
    }

    @Test
    void restoringAnOlderRevisionBringsItsValuesBackAsANewRevision() {
        intake().submit(UploadedFile.of("a.xlsx", filledCityTemplate(YEAR, 1, 0)), YEAR, "office");
        Map<String, Double> first = intake().currentValues(YEAR);
        intake().submit(UploadedFile.of("b.xlsx", filledCityTemplate(YEAR, 2, 5)), YEAR, "office");
        assertThat(intake().currentValues(YEAR)).isNotEqualTo(first);
        IntakeResult restored = intake().restore(YEAR, 1, "admin");
        assertThat(restored.outcome()).isEqualTo(IntakeResult.Outcome.ACCEPTED);
        assertThat(restored.revision()).isEqualTo(3);
        assertThat(intake().currentValues(YEAR)).isEqualTo(first);
        assertThat(intake().revisions(YEAR)).hasSize(3);
        assertThat(intake().auditLog().events()).extracting(AuditEvent::action).containsExactly("accept", "accept", "restore");
        assertThat(intake().auditLog().events().get(2).restoredFrom()).isEqualTo(1);
        // each event is in the one audit trail too, once, with the file's hash, and the chain holds
        var trail = cn.liaocheng.strongtown.audit.AuditTrail.of(new Lake(root));
        assertThat(trail.entries()).extracting(e -> e.action()).containsExactly("DATA_UPLOADED", "DATA_UPLOADED", "DATA_RESTORED");
        assertThat(trail.entries().get(0).sha256()).isEqualTo(intake().auditLog().events().get(0).sha256()).hasSize(64);
        assertThat(trail.entries().get(2).detail()).startsWith("declarations 2025 r3 from r1");
        assertThat(intake().auditLog().forwardToTrail()).isZero();
        assertThat(trail.verify().intact()).isTrue();
        assertThat(intake().restore(YEAR, 3, "admin").outcome()).isEqualTo(IntakeResult.Outcome.UNCHANGED);
    }

    @Test
    void rejectedUploadWritesNothingAtAll() {
        byte[] bad = edit(filledCityTemplate(YEAR, 2, 0), wb -> set(data(wb), column("gdp") + FIRST_ROW, "很多"));
        IntakeResult result = intake().submit(UploadedFile.of("bad.xlsx", bad), YEAR, "office");
        assertThat(result.outcome()).isEqualTo(IntakeResult.Outcome.REJECTED);
        assertThat(result.report().errors()).singleElement().satisfies(f -> {
            assertThat(f.row()).isEqualTo(FIRST_ROW);
            assertThat(f.column()).startsWith(column("gdp") + " 地区生产总值");
            assertThat(f.value()).isEqualTo("很多");
            assertThat(f.reason()).contains("不是数值");
        });
        assertThat(root.resolve("raw")).doesNotExist();
        assertThat(root.resolve("audit")).doesNotExist();
    }

    @Test
    void storedUploadIsNamedByItsHashNeverByItsName() throws Exception {
        intake().submit(UploadedFile.of("../../etc/passwd.xlsx", filledCityTemplate(YEAR, 1, 0)), YEAR, "office");
        try (var files = Files.list(root.resolve("uploads"))) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement()
                    .satisfies(n -> assertThat(n).matches("[0-9a-f]{64}\\.xlsx"));
        }
        assertThat(intake().auditLog().events().get(0).fileName()).isEqualTo("passwd.xlsx");
    }
}
