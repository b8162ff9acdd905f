package cn.liaocheng.strongtown.dashboard.methodology;

import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.dashboard.security.Access;
import cn.liaocheng.strongtown.methodology.Methodology;
import cn.liaocheng.strongtown.methodology.MethodologyDocument;

/** The methodology of the catalog in force, in the user's language: every signed-in role may read it. */
@Service
public class MethodologyService {

    private final Catalog catalog;

    public MethodologyService(CatalogRepository catalogs) {
        this.catalog = catalogs.newest();
    }

    @PreAuthorize(Access.SIGNED_IN)
    public MethodologyDocument document(Locale locale) {
        return Methodology.of(catalog, locale);
    }
}
