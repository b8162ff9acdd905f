package cn.liaocheng.strongtown.dashboard.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;

/** The start's workbook warm-up reads the whole-city template back and leaves nothing behind in the lake. */
class WorkbookWarmUpTest extends DashboardTestContext {

    @Autowired
    WorkbookWarmUp warmUp;
    @Autowired
    StrongTownProperties properties;

    @Test
    void readsTheTemplateBackWithoutWritingToTheLake() throws Exception {
        awaitLake();
        long before = files(properties.lake());
        assertThat(warmUp.warmUp()).isTrue();
        assertThat(files(properties.lake())).isEqualTo(before);
    }

    private static long files(Path lake) throws Exception {
        try (Stream<Path> all = Files.walk(lake)) {
            return all.count();
        }
    }
}
