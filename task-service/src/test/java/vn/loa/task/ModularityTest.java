package vn.loa.task;

import vn.loa.testsupport.FeatureModularityTest;

/** task-service's features (packages under {@code vn.loa.task}): no cycle between them, each one's inside private. */
class ModularityTest extends FeatureModularityTest {

    ModularityTest() {
        super("vn.loa.task");
    }
}
