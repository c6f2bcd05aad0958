package vn.loa.plan.unit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.plan.unit.NewUnit;
import vn.loa.plan.unit.Unit;
import vn.loa.plan.unit.internal.Units;
import vn.loa.platform.tenancy.Caller;

/** {@code /api/units}: a commune's units, recorded or named in its plans (issue 20). */
@RestController
@RequestMapping("/api/units")
@Tag(name = "Đơn vị", description = "Phòng ban, văn phòng, trung tâm, thôn/tổ dân phố, trường học, MTTQ và đoàn thể")
public class UnitController {

    private final Units units;

    UnitController(Units units) {
        this.units = units;
    }

    @GetMapping
    @Operation(summary = "Các đơn vị của xã, phường", description = "Của xã, phường đang đăng nhập, hoặc một xã, "
            + "phường trong phạm vi được xem (tham số tenant).")
    List<Unit> list(@RequestParam(required = false) String tenant, @Parameter(hidden = true) Caller caller) {
        return units.list(caller, tenant);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Thêm một đơn vị vào danh sách của xã, phường")
    Unit add(@RequestBody(required = false) NewUnit body, @Parameter(hidden = true) Caller caller) {
        return units.add(caller, body);
    }
}
