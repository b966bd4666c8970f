package vn.eiso;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.springframework.stereotype.Repository;

/** The rules of the house (ARCHITECTURE.md), checked on every build. */
@AnalyzeClasses(packages = "vn.eiso", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The application shell and the security wiring are the two places outside ui that must name Vaadin. */
    @ArchTest
    static final ArchRule only_ui_packages_touch_vaadin = noClasses().that().resideOutsideOfPackage("..ui..")
            .and().doNotHaveSimpleName("Application").and().doNotHaveSimpleName("SecurityConfig")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..");

    @ArchTest
    static final ArchRule only_repositories_touch_generated_tables = noClasses()
            .that().areNotAnnotatedWith(Repository.class)
            .and().resideOutsideOfPackages("vn.eiso.db..", "vn.eiso.reporting..")
            .should().dependOnClassesThat().resideInAPackage("vn.eiso.db..");

    @ArchTest
    static final ArchRule repositories_are_package_private = classes().that().areAnnotatedWith(Repository.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule features_do_not_depend_on_each_other_in_cycles = slices()
            .matching("vn.eiso.(*)..").should().beFreeOfCycles();

    @ArchTest
    static void a_feature_ui_is_used_by_no_other_feature(JavaClasses classes) {
        for (String feature : List.of("organisation", "audittrail", "dashboard", "document", "search", "audit",
                "nonconformity", "planning", "announcement", "inbox", "inspection")) {
            noClasses().that().resideOutsideOfPackage("vn.eiso." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("vn.eiso." + feature + ".ui..")
                    .check(classes);
        }
    }

    @ArchTest
    static final ArchRule only_search_touches_lucene = noClasses().that().resideOutsideOfPackage("vn.eiso.search..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..");

    @ArchTest
    static final ArchRule services_never_reach_into_ui = noClasses().that().resideOutsideOfPackage("..ui..")
            .and().doNotHaveSimpleName("Application")
            .should().dependOnClassesThat().resideInAPackage("..ui..");
}
