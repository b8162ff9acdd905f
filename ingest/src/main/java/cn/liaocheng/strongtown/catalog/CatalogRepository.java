package cn.liaocheng.strongtown.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * All catalog versions of {@code data/catalog/}; a year is scored with the newest version that
 * applies from that year or earlier.
 */
public final class CatalogRepository {

    private final List<Catalog> versions;

    private CatalogRepository(List<Catalog> versions) {
        this.versions = versions.stream()
                .sorted(Comparator.comparingInt(Catalog::appliesFromYear).thenComparing(Catalog::version))
                .toList();
    }

    public static CatalogRepository load(Path catalogDir) {
        try (Stream<Path> files = Files.list(catalogDir)) {
            List<Catalog> versions = files.filter(f -> f.toString().endsWith(".yaml"))
                    .sorted().map(CatalogLoader::load).toList();
            if (versions.isEmpty()) {
                throw new CatalogException(catalogDir.toString(), List.of("目录中没有指标体系文件（*.yaml）"));
            }
            return new CatalogRepository(versions);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取指标体系目录 " + catalogDir, e);
        }
    }

    public List<Catalog> versions() {
        return versions;
    }

    /** The version in force for a year. */
    public Catalog forYear(int year) {
        return versions.stream().filter(c -> c.appliesFromYear() <= year).reduce((a, b) -> b)
                .orElseThrow(() -> new CatalogException("data/catalog",
                        List.of(year + " 年没有适用的指标体系（最早版本自 " + versions.get(0).appliesFromYear() + " 年起适用）")));
    }

    public Catalog newest() {
        return versions.get(versions.size() - 1);
    }
}
