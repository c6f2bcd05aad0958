package vn.loa.testsupport;

import org.junit.jupiter.api.Test;

/**
 * Every service's modularity test: its features (the packages under its root) depend on one another without a cycle,
 * none uses another's {@code web} or {@code internal} package, and controllers sit in a feature's {@code web} package
 * ({@link FeatureModularity}).
 */
public abstract class FeatureModularityTest {

    private final FeatureModularity modules;

    protected FeatureModularityTest(String root) {
        this.modules = FeatureModularity.of(root);
    }

    @Test
    void featuresDependOnOneAnotherWithoutACycle() {
        modules.featuresFreeOfCycles().check(modules.classes());
    }

    @Test
    void noFeatureUsesAnotherFeaturesWebOrInternalPackage() {
        modules.insideOfAFeatureIsPrivate().check(modules.classes());
    }

    /** Every controller sits in its feature's {@code web} package. */
    @Test
    void controllersSitInTheirFeaturesWebPackage() {
        modules.controllersLiveInWeb().check(modules.classes());
    }
}
