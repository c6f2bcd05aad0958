package vn.loa.content.channel.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.content.channel.ChannelRegistry;
import vn.loa.platform.time.VnTime;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.UnitKind;

/**
 * The channels an item may be published on now: registered, healthy, heard from in the last 90 s. A channel names
 * itself as a xã would; a phường's officer reads "Đài truyền thanh phường", a province's "… cấp xã".
 */
@RestController
@Tag(name = "Kênh đăng", description = "Các kênh đã đăng ký và đang hoạt động")
class ChannelController {

    private final ChannelRegistry registry;

    ChannelController(ChannelRegistry registry) {
        this.registry = registry;
    }

    record ChannelView(String id, String displayName, List<String> acceptedKinds, boolean needsUrl,
            String lastSeen) {
    }

    @GetMapping("/api/channels")
    @Operation(summary = "Kênh đã đăng ký và đang hoạt động")
    List<ChannelView> offered(Caller caller) {
        Function<String, String> named = caller.isCommune() ? UnitKind.ofCommune(caller.tenantId())::reword
                : UnitKind::rewordForLevel;
        return registry.offered().stream().map(c -> new ChannelView(c.id(), named.apply(c.displayName()),
                c.acceptedKinds(), c.needsUrl(), VnTime.offset(c.lastSeen()))).toList();
    }
}
