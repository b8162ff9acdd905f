package cn.liaocheng.strongtown.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The borders README's architecture section draws, kept by a test: features form no cycles, no
 * feature reaches into another feature's views, services never know views, views reach data only
 * through services, and the modules depend downwards only (ingest ← analytics ← dashboard).
 */
class PackageBordersTest {

    private static final String ROOT = "cn.liaocheng.strongtown";
    private static final String DASHBOARD = ROOT + ".dashboard";
    /**
     * Packages that are not features: the frame lists every view and every view names the frame as its
     * layout (Vaadin's own pattern), and the shared widgets, translations and chart serve every feature.
     */
    private static final Set<String> SHARED = Set.of("frame", "ui", "i18n", "chart");
    private static final Pattern FEATURE = Pattern.compile(Pattern.quote(DASHBOARD) + "\\.(\\w+)(\\..*)?");
    private static final Pattern FEATURE_VIEWS = Pattern.compile(Pattern.quote(DASHBOARD) + "\\.(\\w+)\\.ui(\\..*)?");

    /** Our own classes, from folders or (in {@code verify}, where the reactor hands on packaged modules) jars. */
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void featuresFormNoCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return feature(javaClass.getPackageName()).filter(f -> !SHARED.contains(f))
                        .map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
            }

            @Override
            public String getDescription() {
                return "dashboard features";
            }
        }).should().beFreeOfCycles().check(PRODUCT);
    }

    @Test
    void packagesFormNoCyclesBesideTheFrame() {
        slices().matching(DASHBOARD + ".(**)").should().beFreeOfCycles()
                .ignoreDependency(inFrame(), DescribedPredicate.alwaysTrue())
                .ignoreDependency(DescribedPredicate.alwaysTrue(), inFrame())
                .ignoreDependency(configuration(), DescribedPredicate.alwaysTrue())
                .check(PRODUCT);
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesViews() {
        noClasses().that().resideInAPackage(DASHBOARD + "..")
                .should(dependOnAnotherFeaturesViews()).check(PRODUCT);
    }

    @Test
    void servicesNeverKnowViews() {
        noClasses().that().resideInAPackage(DASHBOARD + "..")
                .and().resideOutsideOfPackages(DASHBOARD + "..ui..", DASHBOARD + ".frame..")
                .and().areNotAnnotatedWith(Configuration.class)
                .should().dependOnClassesThat().resideInAPackage(DASHBOARD + "..ui..")
                .check(PRODUCT);
    }

    @Test
    void viewsReachDataOnlyThroughServices() {
        noClasses().that().resideInAPackage(DASHBOARD + "..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.duckdb..",
                        DASHBOARD + ".workflow..", ROOT + ".lake..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(DASHBOARD + ".lake.MartReader")
                .check(PRODUCT);
    }

    @Test
    void modulesDependDownwardsOnly() {
        String[] ingest = {ROOT + ".account..", ROOT + ".audit..", ROOT + ".catalog..", ROOT + ".collection..", ROOT + ".demo..", ROOT + ".export..",
                ROOT + ".lake..", ROOT + ".task..", ROOT + ".town.."};
        String[] analytics = {ROOT + ".engine..", ROOT + ".methodology..", ROOT + ".peer..", ROOT + ".scoring..",
                ROOT + ".spark..", ROOT + ".synth..", ROOT + ".uncertainty.."};
        noClasses().that().resideInAnyPackage(ingest)
                .should().dependOnClassesThat().resideInAnyPackage(analytics)
                .orShould().dependOnClassesThat().resideInAPackage(DASHBOARD + "..")
                .check(PRODUCT);
        noClasses().that().resideInAnyPackage(analytics)
                .should().dependOnClassesThat().resideInAPackage(DASHBOARD + "..")
                .check(PRODUCT);
    }

    private static Optional<String> feature(String packageName) {
        Matcher m = FEATURE.matcher(packageName);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The security configuration names the login view, as Vaadin's security set-up requires. */
    private static DescribedPredicate<JavaClass> configuration() {
        return DescribedPredicate.describe("a configuration", c -> c.isAnnotatedWith(Configuration.class));
    }

    private static DescribedPredicate<JavaClass> inFrame() {
        return DescribedPredicate.describe("the frame", c -> c.getPackageName().startsWith(DASHBOARD + ".frame"));
    }

    private static ArchCondition<JavaClass> dependOnAnotherFeaturesViews() {
        return new ArchCondition<>("depend on another feature's views") {
            @Override
            public void check(JavaClass source, ConditionEvents events) {
                Optional<String> own = feature(source.getPackageName());
                if (own.isEmpty() || own.get().equals("frame")) {
                    return;
                }
                for (Dependency d : source.getDirectDependenciesFromSelf()) {
                    Matcher m = FEATURE_VIEWS.matcher(d.getTargetClass().getPackageName());
                    if (m.matches() && !m.group(1).equals(own.get())) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
