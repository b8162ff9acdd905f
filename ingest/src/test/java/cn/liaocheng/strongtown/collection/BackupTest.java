package cn.liaocheng.strongtown.collection;

import static cn.liaocheng.strongtown.collection.CollectionFixture.CATALOGS;
import static cn.liaocheng.strongtown.collection.CollectionFixture.TOWNS;
import static cn.liaocheng.strongtown.collection.CollectionFixture.YEAR;
import static cn.liaocheng.strongtown.collection.CollectionFixture.digest;
import static cn.liaocheng.strongtown.collection.CollectionFixture.filledCityTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.collection.declaration.DeclarationIntake;
import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.SnapshotPointer;

class BackupTest {

    @TempDir
    Path dir;

    @Test
    void restoresIntoAnEmptyFolderWithTheSameSnapshotAndRevisions() throws Exception {
        Lake lake = new Lake(dir.resolve("lake"));
        Path state = dir.resolve("state");
        DeclarationIntake intake = new DeclarationIntake(TOWNS, CATALOGS, lake);
        intake.submit(UploadedFile.of("a.xlsx", filledCityTemplate(YEAR, 2, 0)), YEAR, "office");
        intake.submit(UploadedFile.of("b.xlsx", filledCityTemplate(YEAR, 3, 4)), YEAR, "office");
        Files.createDirectories(lake.snapshot("S1"));
        Files.writeString(lake.snapshot("S1").resolve("scores.parquet"), "snapshot");
        SnapshotPointer.publish(lake, "S1");
        Files.createDirectories(state);
        Files.writeString(state.resolve("workflow.duckdb"), "workflow");

        Path archive = dir.resolve("backup.zip");
        Backup.Summary summary = Backup.create(lake, state, archive);
        assertThat(summary.currentSnapshot()).isEqualTo("S1");

        Lake restored = new Lake(dir.resolve("restored/lake"));
        Backup.restore(archive, restored, dir.resolve("restored/state"));
        assertThat(SnapshotPointer.current(restored)).contains("S1");
        DeclarationIntake again = new DeclarationIntake(TOWNS, CATALOGS, restored);
        assertThat(again.revisions(YEAR)).isEqualTo(intake.revisions(YEAR));
        assertThat(again.currentValues(YEAR)).isEqualTo(intake.currentValues(YEAR));
        assertThat(again.auditLog().events()).isEqualTo(intake.auditLog().events());
        assertThat(digest(restored.root())).isEqualTo(withoutLock(digest(lake.root())));
        assertThat(dir.resolve("restored/state/workflow.duckdb")).hasContent("workflow");
    }

    private static java.util.Map<String, String> withoutLock(java.util.Map<String, String> files) {
        files.remove(".lock");
        return files;
    }

    @Test
    void refusesANonEmptyTargetAndAnArchiveWithPathsOutsideIt() throws Exception {
        Lake lake = new Lake(dir.resolve("lake"));
        Files.createDirectories(lake.root());
        Files.writeString(lake.root().resolve("keep.txt"), "x");
        Path archive = dir.resolve("b.zip");
        Backup.create(new Lake(dir.resolve("other")), null, archive);
        assertThatThrownBy(() -> Backup.restore(archive, lake, dir.resolve("s"))).hasMessageContaining("必须为空目录");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("lake/../../evil.txt"));
            zip.write("x".getBytes());
            zip.closeEntry();
        }
        Path evil = dir.resolve("evil.zip");
        Files.write(evil, out.toByteArray());
        Lake target = new Lake(dir.resolve("t/lake"));
        assertThatThrownBy(() -> Backup.restore(evil, target, dir.resolve("t/state"))).hasMessageContaining("非法路径");
        assertThat(dir.resolve("evil.txt")).doesNotExist();
        assertThat(target.root()).doesNotExist();
        AtomicFiles.deleteTree(dir.resolve("t"));
    }
}
