package vn.loa.gateway;

import vn.loa.testsupport.FeatureModularityTest;

/** The gateway's features (packages under {@code vn.loa.gateway}): no cycle between them, each one's inside private. */
class ModularityTest extends FeatureModularityTest {

    ModularityTest() {
        super("vn.loa.gateway");
    }
}
