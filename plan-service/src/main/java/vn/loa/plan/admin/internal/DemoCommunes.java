package vn.loa.plan.admin.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.loa.platform.demo.DemoHistory;

/** With {@code loa.demo.enabled}, the five seed communes start active (once: a later deactivation is kept). */
@Component
@ConditionalOnProperty(name = "loa.demo.enabled", havingValue = "true")
class DemoCommunes {

    static final List<String> SEEDS = List.of(DemoHistory.KIM_THANH, DemoHistory.TIEN_MINH,
            DemoHistory.NGUYEN_LUONG_BANG, DemoHistory.BACH_MAI, DemoHistory.KY_LAC);

    private static final Logger log = LoggerFactory.getLogger(DemoCommunes.class);

    private final CommuneRegistry registry;

    DemoCommunes(CommuneRegistry registry) {
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        try {
            SEEDS.forEach(registry::activeUnlessKnown);
        } catch (RuntimeException e) {
            log.warn("Seed communes not (all) recorded active: {}", e.toString());
        }
    }
}
