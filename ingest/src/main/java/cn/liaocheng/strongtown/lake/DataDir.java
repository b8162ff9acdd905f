package cn.liaocheng.strongtown.lake;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's {@code data/} folder (reference facts and the catalog): the system property
 * {@code strongtown.data} if set, else the nearest {@code data/} with a {@code catalog/} folder in
 * the working directory or above it — so it works from the root and from a module folder alike.
 */
public final class DataDir {

    public static final String PROPERTY = "strongtown.data";

    private DataDir() {
    }

    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data");
            if (Files.isDirectory(candidate.resolve("catalog")) && Files.isDirectory(candidate.resolve("reference"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("找不到 data 目录（含 catalog 与 reference）；请设置 -D" + PROPERTY + "=路径");
    }
}
