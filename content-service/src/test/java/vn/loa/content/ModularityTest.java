package vn.loa.content;

import vn.loa.testsupport.FeatureModularityTest;

/** content-service's features (packages under {@code vn.loa.content}): no cycle between them, each one's inside private. */
class ModularityTest extends FeatureModularityTest {

    ModularityTest() {
        super("vn.loa.content");
    }
}
