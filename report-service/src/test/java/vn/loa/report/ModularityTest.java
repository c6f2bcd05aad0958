package vn.loa.report;

import vn.loa.testsupport.FeatureModularityTest;

/** report-service's features (packages under {@code vn.loa.report}): no cycle between them, each one's inside private. */
class ModularityTest extends FeatureModularityTest {

    ModularityTest() {
        super("vn.loa.report");
    }
}
