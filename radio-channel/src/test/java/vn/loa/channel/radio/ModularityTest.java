package vn.loa.channel.radio;

import vn.loa.testsupport.FeatureModularityTest;

/** radio-channel's features (packages under {@code vn.loa.channel.radio}): no cycle between them, each one's inside private. */
class ModularityTest extends FeatureModularityTest {

    ModularityTest() {
        super("vn.loa.channel.radio");
    }
}
