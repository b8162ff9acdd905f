package cn.liaocheng.strongtown.dashboard.collection;

import java.time.LocalDate;
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

    public CollectionService(StrongTownProperties properties, LakePreparation preparation,
                             CollectionPermissions permissions, TownRegistry towns, CatalogRepository catalogs,
                             OperationsMetrics metrics) {
        this.metrics = metrics;
        this.towns = towns;
        this.catalogs = catalogs;
        this.intake = new DeclarationIntake(towns, catalogs, new Lake(properties.lake()));
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

    /** Revisions of a year, newest first. */
    public List<RevisionInfo> revisions(int year) {
        List<RevisionInfo> newestFirst = new java.util.ArrayList<>(intake.revisions(year));
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
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
