package vn.loa.channel.manual;

import vn.loa.testsupport.FeatureModularityTest;

/** manual-channel's features (packages under {@code vn.loa.channel.manual}): no cycle between them, each one's inside private. */
class ModularityTest extends FeatureModularityTest {

    ModularityTest() {
        super("vn.loa.channel.manual");
    }
}
