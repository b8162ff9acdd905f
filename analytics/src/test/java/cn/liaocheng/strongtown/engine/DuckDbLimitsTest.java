package cn.liaocheng.strongtown.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbLimitsTest {

    private static final long MB = 1024L * 1024;
    private static final long GB = 1024 * MB;

    @Test
    void theEngineRunsUnderItsMemoryLimitAndSpillsIntoItsOwnFolderRemovedOnClose(@TempDir Path temp) {
        Path spill = temp.resolve("spill");
        DuckDbEngine engine = new DuckDbEngine(new DuckDbLimits(768 * MB, spill));
        try (engine) {
            assertThat(engine.query("SELECT current_setting('memory_limit') AS m").get(0).get("m"))
                    .isEqualTo("768.0 MiB");
            assertThat(engine.query("SELECT current_setting('temp_directory') AS t").get(0).get("t"))
                    .isEqualTo(spill.toString());
            assertThat(spill).isDirectory();
        }
        assertThat(Files.exists(spill)).isFalse();
    }

    @Test
    void aQueryLargerThanTheLimitSpillsInsteadOfFailing(@TempDir Path temp) {
        try (DuckDbEngine engine = new DuckDbEngine(new DuckDbLimits(100 * MB, temp.resolve("spill")))) {
            // sorting ~20 million rows of two BIGINTs needs well over 100 MB
            engine.materialise("big", "SELECT (i * 7919) % 20000003 AS k, i AS v FROM range(20000000) r(i)");
            Object first = engine.query("SELECT k FROM (SELECT k, ROW_NUMBER() OVER (ORDER BY k DESC, v) AS n FROM big) "
                    + "WHERE n = 1").get(0).get("k");
            assertThat(((Number) first).longValue()).isEqualTo(20000002L);
        }
    }

    @Test
    void theDefaultLeavesRoomForTheHeapAndTheMachine() {
        assertThat(DuckDbLimits.defaultMemory(24 * GB, 3 * GB)).isEqualTo(6 * GB);
        assertThat(DuckDbLimits.defaultMemory(16 * GB, 6 * GB)).isEqualTo(2 * GB);
        assertThat(DuckDbLimits.defaultMemory(4 * GB, 3 * GB)).isEqualTo(512 * MB);
    }

    @Test
    void sizesReadAsDuckDbWritesThem() {
        assertThat(DuckDbLimits.parseSize("4GB")).isEqualTo(4 * GB);
        assertThat(DuckDbLimits.parseSize("4 GiB")).isEqualTo(4 * GB);
        assertThat(DuckDbLimits.parseSize("512m")).isEqualTo(512 * MB);
        assertThat(DuckDbLimits.parseSize("1.5G")).isEqualTo(3 * GB / 2);
        assertThatThrownBy(() -> DuckDbLimits.parseSize("viel")).hasMessageContaining("无法识别的内存大小");
    }
}
