package vn.loa.testsupport;

import org.junit.jupiter.api.Test;

/**
 * Every service's modularity test: its features (the packages under its root) depend on one another without a cycle,
 * and none uses another's {@code web} or {@code internal} package ({@link FeatureModularity}).
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
}
