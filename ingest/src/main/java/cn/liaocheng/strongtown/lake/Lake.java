package cn.liaocheng.strongtown.lake;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lake's folder layout (DESIGN §3): raw inputs partitioned by year, and published mart
 * snapshots behind one pointer file.
 */
public record Lake(Path root) {

    public Path rawEnterprises() {
        return root.resolve("raw").resolve("enterprises");
    }

    public Path rawDeclarations() {
        return root.resolve("raw").resolve("declarations");
    }

    /** Towns designated as strong towns, by year (selection results; demo cohorts until the workflow exists). */
    public Path rawDesignations() {
        return root.resolve("raw").resolve("designations");
    }

    public Path marts() {
        return root.resolve("marts");
    }

    public Path snapshot(String snapshotId) {
        return marts().resolve("snapshot=" + snapshotId);
    }

    /** The file naming the published snapshot. */
    public Path currentPointer() {
        return marts().resolve("CURRENT");
    }

    /** A lake is usable once raw enterprise and declaration data exist. */
    public boolean hasRawData() {
        return Files.isDirectory(rawEnterprises()) && Files.isDirectory(rawDeclarations());
    }
}
