package org.recworkbench;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of DESIGN.md, enforced from the first commit. */
class ArchitectureTest {

    private static final String[] ENGINE = {"org.recworkbench.data..", "org.recworkbench.similarity..",
            "org.recworkbench.algo..", "org.recworkbench.eval..", "org.recworkbench.explain..",
            "org.recworkbench.job..", "org.recworkbench.stream..", "org.recworkbench.examples..",
            "org.recworkbench.exercise.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.recworkbench");
    }

    @Test
    void onlyTheUserInterfaceUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.recworkbench.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void theEngineNeverReachesStoreCliOrUi() {
        noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage("org.recworkbench.store..",
                        "org.recworkbench.cli..", "org.recworkbench.ui..", "org.recworkbench.serve..")
                .check(classes);
    }

    @Test
    void theEngineNeverUsesJdbc() {
        noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..",
                        "org.flywaydb..")
                .check(classes);
    }

    @Test
    void theCommandLineNeverTouchesTheWindow() {
        noClasses().that().resideInAPackage("org.recworkbench.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.recworkbench.ui..")
                .check(classes);
    }

    @Test
    void exportsNeverReachStoreCliOrUi() {
        noClasses().that().resideInAPackage("org.recworkbench.export..")
                .should().dependOnClassesThat().resideInAnyPackage("org.recworkbench.store..",
                        "org.recworkbench.cli..", "org.recworkbench.ui..", "java.sql..", "javafx..")
                .check(classes);
    }

    @Test
    void derivationsAndSimilaritiesNeverReachTheAlgorithms() {
        noClasses().that().resideInAnyPackage("org.recworkbench.explain", "org.recworkbench.similarity..")
                .should().dependOnClassesThat().resideInAnyPackage("org.recworkbench.algo..")
                .check(classes);
    }

    @Test
    void theStoreNeverReachesCliOrUi() {
        noClasses().that().resideInAPackage("org.recworkbench.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.recworkbench.cli..", "org.recworkbench.ui..")
                .check(classes);
    }
}
