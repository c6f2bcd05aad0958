package vn.loa.channel.portal;

import vn.loa.testsupport.FeatureModularityTest;

/** portal-channel's features (packages under {@code vn.loa.channel.portal}): no cycle between them, each one's inside private. */
class ModularityTest extends FeatureModularityTest {

    ModularityTest() {
        super("vn.loa.channel.portal");
    }
}
