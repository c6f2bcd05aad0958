package vn.loa.plan;

import vn.loa.testsupport.FeatureModularityTest;

/** plan-service's features (packages under {@code vn.loa.plan}): no cycle between them, each one's inside private. */
class ModularityTest extends FeatureModularityTest {

    ModularityTest() {
        super("vn.loa.plan");
    }
}
