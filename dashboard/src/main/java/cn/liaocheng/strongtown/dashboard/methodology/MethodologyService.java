package cn.liaocheng.strongtown.dashboard.methodology;

import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.dashboard.security.Access;
import cn.liaocheng.strongtown.methodology.Methodology;
import cn.liaocheng.strongtown.methodology.MethodologyDocument;

/**
 * The methodology of the catalog version that scored a year, as the snapshot publishes it, in the user's
 * language: every signed-in role may read it.
 */
@Service
public class MethodologyService {

    private final PublishedCatalog catalogs;
    private final MartReader marts;

    public MethodologyService(PublishedCatalog catalogs, MartReader marts) {
        this.catalogs = catalogs;
        this.marts = marts;
    }

    /** The method of the newest scored version. */
    @PreAuthorize(Access.SIGNED_IN)
    public MethodologyDocument document(Locale locale) {
        return Methodology.of(catalogs.newest(), locale);
    }

    /** The method of the version that scored {@code year}. */
    @PreAuthorize(Access.SIGNED_IN)
    public MethodologyDocument document(Locale locale, int year) {
        return Methodology.of(catalogs.forYear(year), locale);
    }

    /** The version that scored {@code year}. */
    @PreAuthorize(Access.SIGNED_IN)
    public String version(int year) {
        return catalogs.forYear(year).version();
    }

    /** Scored years, newest first. */
    @PreAuthorize(Access.SIGNED_IN)
    public List<Integer> years() {
        return marts.currentSnapshot().isEmpty() ? List.of() : marts.scoredYears();
    }
}
