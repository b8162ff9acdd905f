package cn.liaocheng.strongtown.dashboard.methodology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogLoader;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.dashboard.lake.MartReader;

/**
 * The catalog versions the current snapshot was scored with, as its manifest publishes them (each with the
 * years it scored): what-if, compare, profile, league and methodology read the method from here, so that they
 * show and recompute exactly what was published, whatever catalog files lie beside the application. Only
 * before the first snapshot, or for a snapshot that predates published catalogs, the catalog files answer.
 * Internal: the services that use it check the caller's rights.
 */
@Component
public class PublishedCatalog {

    /** A version and the years it scored (null: open-ended). */
    public record Version(Integer firstYear, Integer lastYear, Catalog catalog) {

        boolean covers(int year) {
            return (firstYear == null || year >= firstYear) && (lastYear == null || year <= lastYear);
        }
    }

    private final MartReader marts;
    private final CatalogRepository files;
    private volatile Cached cached;

    private record Cached(String snapshot, List<Version> versions) {
    }

    public PublishedCatalog(MartReader marts, CatalogRepository files) {
        this.marts = marts;
        this.files = files;
    }

    /** The version that scored a year. */
    public Catalog forYear(int year) {
        return versions().map(v -> v.stream().filter(x -> x.covers(year)).map(Version::catalog).findFirst()
                .orElseGet(() -> v.get(v.size() - 1).catalog())).orElseGet(() -> files.forYear(year));
    }

    /** The newest version the snapshot was scored with. */
    public Catalog newest() {
        return versions().map(v -> v.get(v.size() - 1).catalog()).orElseGet(files::newest);
    }

    /**
     * A dimension's, indicator's or input's name in the locale, from the newest version that has the item: an
     * item a later version dropped keeps its name for the years it was scored.
     */
    public Optional<String> itemName(String itemId, Locale locale) {
        List<Catalog> oldestFirst = versions().map(v -> v.stream().map(Version::catalog).toList())
                .orElseGet(files::versions);
        return nameIn(oldestFirst, itemId, locale);
    }

    static Optional<String> nameIn(List<Catalog> oldestFirst, String itemId, Locale locale) {
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            Catalog c = oldestFirst.get(i);
            Optional<String> name = c.dimension(itemId).map(d -> d.name().in(locale))
                    .or(() -> c.indicator(itemId).map(x -> x.name().in(locale)))
                    .or(() -> c.inputs().stream().filter(x -> x.id().equals(itemId)).findFirst()
                            .map(x -> x.name().in(locale)));
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    private Optional<List<Version>> versions() {
        Optional<String> snapshot = marts.currentSnapshot();
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        Cached c = cached;
        if (c == null || !c.snapshot().equals(snapshot.get())) {
            c = new Cached(snapshot.get(), of(marts.manifest()));
            cached = c;
        }
        return c.versions().isEmpty() ? Optional.empty() : Optional.of(c.versions());
    }

    /** The versions a manifest publishes, oldest first; empty if it publishes none. */
    public static List<Version> of(JsonNode manifest) {
        List<Version> versions = new ArrayList<>();
        for (JsonNode entry : manifest.path("catalogs")) {
            versions.add(new Version(year(entry.path("first_year")), year(entry.path("last_year")),
                    CatalogLoader.fromJson(entry.path("catalog"), "snapshot catalog " + entry.path("version").asText())));
        }
        return List.copyOf(versions);
    }

    private static Integer year(JsonNode node) {
        return node.isNumber() ? node.asInt() : null;
    }
}
