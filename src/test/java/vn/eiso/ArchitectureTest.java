package vn.eiso;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.stereotype.Repository;

/**
 * The rules of the house (ARCHITECTURE.md), checked on every build. The features are found in the imported classes
 * (every package directly under vn.eiso but the shared ones), so a new feature is covered without editing this
 * test; every rule fails when it selects nothing, so a rule that stopped seeing the code cannot pass silently.
 */
@AnalyzeClasses(packages = "vn.eiso", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "vn.eiso";
    /** Packages under vn.eiso that are not features: shared code, read-only reporting, demo data, jOOQ's classes. */
    private static final Set<String> NOT_FEATURES = Set.of("base", "reporting", "demo", "db");

    /** The features present in the imported classes: the first package level under vn.eiso. */
    static SortedSet<String> features(JavaClasses classes) {
        SortedSet<String> features = new TreeSet<>();
        for (JavaClass type : classes) {
            String name = type.getPackageName();
            if (name.startsWith(ROOT + ".")) {
                String feature = name.substring(ROOT.length() + 1).split("\\.")[0];
                if (!NOT_FEATURES.contains(feature)) {
                    features.add(feature);
                }
            }
        }
        return features;
    }

    @ArchTest
    static void the_features_are_found_in_the_code(JavaClasses classes) {
        // The first features and the four a hand-kept list once missed: if discovery broke, these would be absent.
        assertThat(features(classes)).contains("organisation", "document", "search", "nonconformity", "console",
                "annualreport", "library", "worklist").doesNotContainAnyElementsOf(NOT_FEATURES);
    }

    /** The application shell and the security wiring are the two places outside ui that must name Vaadin. */
    @ArchTest
    static final ArchRule only_ui_packages_touch_vaadin = noClasses().that().resideOutsideOfPackage("..ui..")
            .and().doNotHaveSimpleName("Application").and().doNotHaveSimpleName("SecurityConfig")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..").allowEmptyShould(false);

    @ArchTest
    static final ArchRule only_repositories_touch_generated_tables = noClasses()
            .that().areNotAnnotatedWith(Repository.class)
            .and().resideOutsideOfPackages("vn.eiso.db..", "vn.eiso.reporting..")
            .should().dependOnClassesThat().resideInAPackage("vn.eiso.db..").allowEmptyShould(false);

    @ArchTest
    static final ArchRule repositories_are_package_private = classes().that().areAnnotatedWith(Repository.class)
            .should().notBePublic().allowEmptyShould(false);

    @ArchTest
    static final ArchRule features_do_not_depend_on_each_other_in_cycles = slices()
            .matching("vn.eiso.(*)..").should().beFreeOfCycles().allowEmptyShould(false);

    /**
     * A feature's root package is its API: its ui (and web) packages are used by no other feature. Checked for
     * every feature found, all violations reported at once.
     */
    @ArchTest
    static void a_feature_is_used_by_other_features_only_through_its_root_package(JavaClasses classes) {
        SortedSet<String> features = features(classes);
        assertThat(features).as("features under " + ROOT).isNotEmpty();
        List<String> violations = new ArrayList<>();
        for (String feature : features) {
            String root = ROOT + "." + feature;
            EvaluationResult result = noClasses().that().resideOutsideOfPackage(root + "..")
                    .should().dependOnClassesThat(insideSubPackagesOf(root))
                    .allowEmptyShould(false).evaluate(classes);
            violations.addAll(result.getFailureReport().getDetails());
        }
        assertThat(violations).as("dependencies on another feature's inner packages").isEmpty();
    }

    @ArchTest
    static final ArchRule only_search_touches_lucene = noClasses().that().resideOutsideOfPackage("vn.eiso.search..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..").allowEmptyShould(false);

    @ArchTest
    static final ArchRule services_never_reach_into_ui = noClasses().that().resideOutsideOfPackage("..ui..")
            .and().doNotHaveSimpleName("Application")
            .should().dependOnClassesThat().resideInAPackage("..ui..").allowEmptyShould(false);

    private static DescribedPredicate<JavaClass> insideSubPackagesOf(String root) {
        return DescribedPredicate.describe("reside in a sub-package of " + root,
                type -> type.getPackageName().startsWith(root + "."));
    }
}
