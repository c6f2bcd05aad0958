package vn.loa.testsupport;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * How every service is sliced, as rules a test can check: a service's code lives in feature packages directly under
 * its root ({@code vn.loa.task.crediting}, {@code vn.loa.task.task}…); features do not depend on each other in a
 * cycle; a feature's inside — its {@code web} (controllers, views) and {@code internal} packages — is used only by
 * the feature itself; and a controller sits in its feature's {@code web} package. Each service's
 * {@code ModularityTest} applies them to its own root package.
 */
public final class FeatureModularity {

    /** Sub-packages of a feature that no other feature may use. */
    public static final Set<String> INSIDE = Set.of("web", "internal");

    private final String root;
    private final JavaClasses classes;

    private FeatureModularity(String root) {
        this.root = root;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    /** The production classes under a service's root package, e.g. {@code vn.loa.task}. */
    public static FeatureModularity of(String root) {
        return new FeatureModularity(root);
    }

    public JavaClasses classes() {
        return classes;
    }

    /** Features depend on one another without a cycle. */
    public ArchRule featuresFreeOfCycles() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** Nothing outside a feature uses its {@code web} or {@code internal} package. */
    public ArchRule insideOfAFeatureIsPrivate() {
        return ArchRuleDefinition.classes().should(new ArchCondition<JavaClass>(
                "use no other feature's " + INSIDE + " package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = feature(origin.getPackageName());
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    String feature = feature(target);
                    if (feature != null && inside(target) && !feature.equals(from)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        }).allowEmptyShould(true);
    }

    /** A controller ({@code @RestController} or {@code @Controller}) sits in a feature's {@code web} package. */
    public ArchRule controllersLiveInWeb() {
        return ArchRuleDefinition.classes().that().areAnnotatedWith(RestController.class)
                .or().areAnnotatedWith(Controller.class)
                .should().resideInAPackage(root + ".*.web")
                .allowEmptyShould(true);
    }

    /** The feature a package belongs to ({@code vn.loa.task.task.web} → {@code task}), null outside the root. */
    private String feature(String pkg) {
        if (!pkg.startsWith(root + ".")) {
            return null;
        }
        String rest = pkg.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private boolean inside(String pkg) {
        String rest = pkg.substring(root.length() + 1);
        String[] parts = rest.split("\\.");
        for (int i = 1; i < parts.length; i++) {
            if (INSIDE.contains(parts[i])) {
                return true;
            }
        }
        return false;
    }
}
