package cn.liaocheng.strongtown.dashboard.collection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.collection.IntakeResult;
import cn.liaocheng.strongtown.collection.UploadedFile;
import cn.liaocheng.strongtown.collection.ValueChange;
import cn.liaocheng.strongtown.collection.declaration.DeclarationIntake;
import cn.liaocheng.strongtown.collection.declaration.RevisionInfo;
import cn.liaocheng.strongtown.collection.declaration.TemplateWriter;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.dashboard.operations.OperationsMetrics;
import cn.liaocheng.strongtown.dashboard.security.Access;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.town.County;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Yearly data collection for the views: templates, uploads with their validation report, revisions
 * and restores. Every accepted change re-scores the lake in the background.
 */
@Service
@PreAuthorize(Access.COLLECTORS)
public class CollectionService {

    private final TownRegistry towns;
    private final CatalogRepository catalogs;
    private final DeclarationIntake intake;
    private final TemplateWriter templates;
    private final LakePreparation preparation;
    private final CollectionPermissions permissions;
    private final StrongTownProperties properties;
    private final OperationsMetrics metrics;
    private final Lake lake;
    /** Revisions by year with the year folder's listing they were read from (see {@link #revisions(int)}). */
    private final Map<Integer, CachedRevisions> revisionCache = new ConcurrentHashMap<>();

    public CollectionService(StrongTownProperties properties, LakePreparation preparation,
                             CollectionPermissions permissions, TownRegistry towns, CatalogRepository catalogs,
                             OperationsMetrics metrics) {
        this.metrics = metrics;
        this.towns = towns;
        this.catalogs = catalogs;
        this.lake = new Lake(properties.lake());
        this.intake = new DeclarationIntake(towns, catalogs, lake);
        this.templates = new TemplateWriter(towns, catalogs);
        this.preparation = preparation;
        this.permissions = permissions;
        this.properties = properties;
    }

    /** Years that can be collected, newest first: from the oldest catalog to this year. */
    public List<Integer> years() {
        return years(catalogs);
    }

    static List<Integer> years(CatalogRepository catalogs) {
        int first = catalogs.versions().stream().mapToInt(Catalog::appliesFromYear).min().orElseThrow();
        int last = LocalDate.now().getYear();
        return IntStream.rangeClosed(first, last).map(y -> last - (y - first)).boxed().toList();
    }

    /** The year most likely being collected: last year (data for a year are declared early the next). */
    public int defaultYear() {
        return lastYear();
    }

    static int lastYear() {
        return LocalDate.now().getYear() - 1;
    }

    public List<County> counties() {
        return towns.counties();
    }

    public String templateFileName(int year, String countyCode) {
        return templates.fileName(year, countyCode);
    }

    public byte[] template(int year, String countyCode) {
        return templates.write(year, countyCode);
    }

    /** Validates an upload; writes a revision and starts re-scoring only if it has no error. */
    public IntakeResult upload(String fileName, byte[] content, int year) {
        permissions.requireUpload();
        if (firstStartStillGenerating()) {
            throw new LakeNotReadyException();
        }
        IntakeResult result = intake.submit(UploadedFile.of(fileName, content), year, permissions.currentUser());
        metrics.countUpload(result.accepted());
        if (result.accepted()) {
            preparation.rescoreInBackground();
        }
        return result;
    }

    /** The demo generator refuses a lake that already has raw data: no upload may come first. */
    private boolean firstStartStillGenerating() {
        return properties.generateDemo() && !new Lake(properties.lake()).hasRawData();
    }

    public IntakeResult restore(int year, int revision) {
        permissions.requireRestore();
        IntakeResult result = intake.restore(year, revision, permissions.currentUser());
        if (result.accepted()) {
            preparation.rescoreInBackground();
        }
        return result;
    }

    /**
     * Revisions of a year, newest first. Reading them opens a DuckDB over the year's revision files, which the page
     * did on every open (the soak's office sessions, R3); a revision is one new file in the year's folder and files are
     * never rewritten in place, so the list is kept until the folder's listing (names, sizes, times) changes.
     */
    public List<RevisionInfo> revisions(int year) {
        String listing = listing(year);
        CachedRevisions cached = revisionCache.get(year);
        if (cached != null && cached.listing().equals(listing)) {
            return cached.newestFirst();
        }
        List<RevisionInfo> newestFirst = new java.util.ArrayList<>(intake.revisions(year));
        java.util.Collections.reverse(newestFirst);
        List<RevisionInfo> result = List.copyOf(newestFirst);
        revisionCache.put(year, new CachedRevisions(listing, result));
        return result;
    }

    private record CachedRevisions(String listing, List<RevisionInfo> newestFirst) {
    }

    /** The year folder's files with size and modification time (Hive-style partition {@code year=YYYY}). */
    private String listing(int year) {
        Path folder = lake.rawDeclarations().resolve("year=" + year);
        if (!Files.isDirectory(folder)) {
            return "";
        }
        try (Stream<Path> files = Files.list(folder)) {
            StringBuilder listing = new StringBuilder();
            files.sorted().forEach(f -> {
                try {
                    listing.append(f.getFileName()).append(' ').append(Files.size(f)).append(' ')
                            .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
                } catch (IOException e) {
                    listing.append(f.getFileName()).append(" ?\n");
                }
            });
            return listing.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<ValueChange> changes(int year, int revision) {
        return intake.changes(year, revision);
    }

    public String townName(String code) {
        return towns.find(code).map(t -> t.countyName() + t.name()).orElse(code);
    }

    public String indicatorName(int year, String indicatorId, Locale locale) {
        Catalog catalog = catalogs.forYear(year);
        return catalog.indicator(indicatorId).map(i -> i.name().in(locale))
                .or(() -> catalog.inputs().stream().filter(i -> i.id().equals(indicatorId)).findFirst()
                        .map(i -> i.name().in(locale)))
                .orElse(indicatorId);
    }

    public boolean mayRestore() {
        return permissions.mayRestore();
    }
}
