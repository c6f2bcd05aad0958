package vn.loa.notification;

import vn.loa.testsupport.FeatureModularityTest;

/** notification-service's features: no cycle between them, each one's inside private. */
class ModularityTest extends FeatureModularityTest {

    ModularityTest() {
        super("vn.loa.notification");
    }
}
