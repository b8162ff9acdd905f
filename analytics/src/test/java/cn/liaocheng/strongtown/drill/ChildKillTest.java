package cn.liaocheng.strongtown.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ChildKillTest {

    /** A child that opens DuckDB, names its temporary folder and what is in it, and waits to be killed. */
    public static final class DuckDbChild {

        public static void main(String[] args) throws Exception {
            try (Connection conn = DriverManager.getConnection("jdbc:duckdb:")) {
                Path temp = Path.of(System.getProperty("java.io.tmpdir"));
                System.out.println("TEMP " + temp);
                try (Stream<Path> files = Files.list(temp)) {
                    files.forEach(f -> System.out.println("FILE " + f.getFileName()));
                }
                System.out.println("READY");
                Thread.sleep(60_000);
            }
        }
    }

    @Test
    void aKilledChildLeavesNothingInTheTemporaryFolder() throws Exception {
        ChildKill.Killed killed = ChildKill.run(ChildKill.javaChild(List.of("-Xmx128m"), DuckDbChild.class),
                "READY"::equals, Duration.ofSeconds(60), 0);

        Path temp = Path.of(killed.after("TEMP ").get(0));
        assertThat(temp.getFileName().toString()).startsWith("strongtown-drill-child-");
        assertThat(killed.after("FILE ")).as("DuckDB's native library, unpacked by the child")
                .anyMatch(f -> f.startsWith("libduckdb_java"));
        assertThat(temp).doesNotExist();
    }
}
