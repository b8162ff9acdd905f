package cn.liaocheng.strongtown.dashboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.lake.DataDir;

class StartupPathCheckTest {

    private static final Path DATA = DataDir.locate();

    @TempDir
    Path root;

    private static StrongTownProperties settings(Path data, Path lake, Path workflowDb) {
        return new StrongTownProperties(data, lake, null, null, null, workflowDb);
    }

    @Test
    void acceptsUsablePathsAndCreatesTheLakeAndStateFolders() {
        assertThatCode(() -> StartupPathCheck.check(settings(DATA, root.resolve("lake"), root.resolve("state/wf.duckdb"))))
                .doesNotThrowAnyException();
        assertThat(root.resolve("lake")).isDirectory();
        assertThat(root.resolve("state")).isDirectory();
    }

    @Test
    void refusesADataFolderWithoutCatalog() {
        assertThatThrownBy(() -> StartupPathCheck.check(settings(root, root.resolve("lake"), null)))
                .isInstanceOf(UnusablePathException.class)
                .hasMessage("配置项 strongtown.data-dir 指向的路径不可用：" + root + "（缺少可读的 catalog 目录）");
    }

    @Test
    void refusesALakeThatIsAFile() throws Exception {
        Path file = Files.writeString(root.resolve("lake"), "not a folder");
        assertThatThrownBy(() -> StartupPathCheck.check(settings(DATA, file, root.resolve("state/wf.duckdb"))))
                .isInstanceOf(UnusablePathException.class).hasMessageContaining("strongtown.lake-dir")
                .hasMessageContaining("不是目录");
    }

    @Test
    void refusesAWorkflowDatabaseWhoseFolderCannotBeCreated() throws Exception {
        Path blocker = Files.writeString(root.resolve("blocker"), "a file where a folder should be");
        assertThatThrownBy(() -> StartupPathCheck.check(settings(DATA, root.resolve("lake"), blocker.resolve("wf.duckdb"))))
                .isInstanceOf(UnusablePathException.class).hasMessageContaining("strongtown.workflow-db");
    }

    @Test
    void theStartFailureReportNamesTheSettingToFix() {
        UnusablePathException problem = new UnusablePathException("strongtown.lake-dir", root, "目录不可写");
        FailureAnalysis analysis = new UnusablePathFailureAnalyzer().analyze(problem);
        assertThat(analysis.getDescription()).isEqualTo(problem.getMessage());
        assertThat(analysis.getAction()).contains("--strongtown.lake-dir=路径");
    }
}
